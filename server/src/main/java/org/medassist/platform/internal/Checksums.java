package org.medassist.platform.internal;

/** Check digits of the national numbers we detect, so that a random run of digits is not taken for one. */
final class Checksums {

	private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

	private Checksums() {
	}

	/** NHS number: weights 10..2 over the first nine digits, 11 - (sum mod 11), 11 → 0, 10 → invalid. */
	static boolean nhsNumber(String tenDigits) {
		if (tenDigits.length() != 10 || !tenDigits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (tenDigits.charAt(i) - '0') * (10 - i);
		}
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		return check != 10 && check == tenDigits.charAt(9) - '0';
	}

	/** Spanish DNI: the letter is TRWAGMYFPDXBNJZSQVHLCKE indexed by the number mod 23. */
	static boolean spanishDni(String eightDigits, char letter) {
		return DNI_LETTERS.charAt((int) (Long.parseLong(eightDigits) % 23)) == Character.toUpperCase(letter);
	}

	/** Spanish NIE: X, Y, Z stand for 0, 1, 2 in front of the seven digits, then the DNI rule. */
	static boolean spanishNie(char prefix, String sevenDigits, char letter) {
		int lead = "XYZ".indexOf(Character.toUpperCase(prefix));
		return lead >= 0 && spanishDni(lead + sevenDigits, letter);
	}
}
