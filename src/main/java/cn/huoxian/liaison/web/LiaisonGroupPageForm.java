package cn.huoxian.liaison.web;

import cn.huoxian.liaison.LiaisonGroupForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The page's form to form a liaison group, as typed: the leader's id, the members' ids
 * and the communities' codes are text until the form is valid.
 */
public class LiaisonGroupPageForm {

	@NotBlank(message = "{problem.required}")
	@Size(max = 100, message = "{liaison.field.too-long}")
	private String name;

	@NotBlank(message = "{problem.required}")
	@Pattern(regexp = PageFields.ID, message = "{liaison.field.id}")
	private String leaderId;

	@NotBlank(message = "{problem.required}")
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String region;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	@Pattern(regexp = PageFields.IDS, message = "{liaison.field.ids}")
	private String memberIds;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	private String communityCodes;

	/** The region whose list the form sits under (to show the list again). */
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String listRegion;

	LiaisonGroupForm toForm() {
		return new LiaisonGroupForm(name, PageFields.id(leaderId), region, PageFields.ids(memberIds),
				LiaisonPages.split(communityCodes));
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLeaderId() {
		return leaderId;
	}

	public void setLeaderId(String leaderId) {
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
