package cn.huoxian.shared;

import java.util.List;

/**
 * What a module puts on a user's home page: a bean per module, asked on every visit of
 * the home page, so each tile is one indexed count or a maintained counter, never a scan.
 * Tiles are within the user's scope; a module with nothing for the user's role answers
 * none.
 */
public interface WorkbenchTiles {

	List<WorkbenchTile> tiles(CurrentUser user);

}
