package cn.huoxian.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Creating or renaming a region; the level follows from the parent. */
public record RegionForm(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 20) String parentCode) {
}
