class Planted {
  String title() {
    return "Sổ điểm";
  }

  void refuse() {
    throw new UserInputException("field", "planted.nowhere");
  }

  String finding() {
    return "TT22.D99";
  }

  void check(InvalidInput.Collector errors) {
    errors.add("field", "planted.alsoNowhere");
  }
}
