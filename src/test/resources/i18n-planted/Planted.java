class Planted {
  String title() {
    return "Sổ điểm";
  }
}
