package vn.truongso.modularity.planted.beta;

import vn.truongso.modularity.planted.alpha.internal.Secret;

public class Intruder {
  public int peek() {
    return Secret.value();
  }
}
