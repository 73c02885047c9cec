package cn.huoxian.shared;

/**
 * A figure another module shows on every region page (e.g. today's overdue isolation
 * contacts): the region page lists them without depending on those modules.
 */
public interface RegionFigure {

	/** The message key of the figure's label. */
	String labelKey();

	/** The figure for the region at this path, within the scope. */
	long value(RegionPath regionPath, DataScope scope);

}
