package vn.truongso.people;

/**
 * A student's profile as a form sends it: text as typed, checked by {@link ProfileRules} before
 * anything is stored. The birth date is {@code dd/MM/yyyy}.
 */
public record ProfileUpdate(
    String familyName,
    String middleName,
    String givenName,
    String birthDate,
    String sex,
    String ethnicityCode,
    String religionCode,
    String nationality,
    String personalId,
    String studentCode,
    String placeOfBirth,
    String homeTown,
    String permanentWardCode,
    String permanentAddress,
    String currentWardCode,
    String currentAddress,
    String policyStatus,
    String disability,
    String healthInsuranceNo) {}
