package cn.huoxian.liaison.web;

import cn.huoxian.liaison.LiaisonGroupForm;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The page's form to form a liaison group: the leader's id typed (a value not a number
 * worded by {@link cn.huoxian.shared.web.PageForms#wordMismatches} and kept as typed),
 * the members' ids and the communities' codes as text, separated by commas or spaces.
 */
public class LiaisonGroupPageForm {

	@NotBlank(message = "{problem.required}")
	@Size(max = 100, message = "{liaison.field.too-long}")
	private String name;

	@NotNull(message = "{problem.required}")
	@Min(1)
	private Long leaderId;

	@NotBlank(message = "{problem.required}")
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String region;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	@Pattern(regexp = LiaisonPages.IDS, message = "{liaison.field.ids}")
	private String memberIds;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	private String communityCodes;

	/** The region whose list the form sits under (to show the list again). */
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String listRegion;

	LiaisonGroupForm toForm() {
		return new LiaisonGroupForm(name, leaderId, region, LiaisonPages.ids(memberIds),
				LiaisonPages.split(communityCodes));
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getLeaderId() {
		return leaderId;
	}

	public void setLeaderId(Long leaderId) {
		this.leaderId = leaderId;
	}

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getMemberIds() {
		return memberIds;
	}

	public void setMemberIds(String memberIds) {
		this.memberIds = memberIds;
	}

	public String getCommunityCodes() {
		return communityCodes;
	}

	public void setCommunityCodes(String communityCodes) {
		this.communityCodes = communityCodes;
	}

	public String getListRegion() {
		return listRegion;
	}

	public void setListRegion(String listRegion) {
		this.listRegion = listRegion;
	}

}
