package cn.huoxian.demo;

/**
 * Splits a whole number into parts proportional to weights (largest remainder), so parts
 * add up exactly.
 */
final class Apportion {

	private Apportion() {
	}

	static int[] split(long total, double[] weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		int[] parts = new int[weights.length];
		double[] remainders = new double[weights.length];
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = sum == 0 ? 0 : total * weights[i] / sum;
			parts[i] = (int) Math.floor(exact);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		for (long left = total - given; left > 0; left--) {
			int best = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			parts[best]++;
			remainders[best] = -1;
		}
		return parts;
	}

}
