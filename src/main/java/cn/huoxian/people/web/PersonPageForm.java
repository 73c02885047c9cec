package cn.huoxian.people.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.people.CadreRank;
import cn.huoxian.people.Membership;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.Text;
import org.springframework.format.annotation.DateTimeFormat;

/** The person form on the pages: the person and the common roles as simple fields. */
public class PersonPageForm {

	private String name = "";

	private String idNumber = "";

	private String phone = "";

	private Long householdId;

	private String regionCode = "";

	private boolean cadre;

	private CadreRank rank;

	private String position = "";

	private Long unitId;

	private boolean partyMember;

	private Long partyOrganisationId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate joinedOn;

	private Membership membership = Membership.FORMAL;

	private boolean medicalStaff;

	private String institution = "";

	private String department = "";

	private boolean volunteer;

	/** Roles the page does not edit (e.g. first secretary) are kept as they were. */
	private List<PersonRoleView> keptRoles = new ArrayList<>();

	static PersonPageForm of(PersonView person) {
		PersonPageForm form = new PersonPageForm();
		form.name = person.name();
		form.idNumber = person.idNumber();
		form.phone = person.phone() == null ? "" : person.phone();
		form.householdId = person.householdId();
		form.regionCode = person.householdId() == null ? person.regionCode() : "";
		for (PersonRoleView role : person.roleDetails()) {
			switch (role.role()) {
				case CADRE -> {
					form.cadre = true;
					form.rank = role.rank();
					form.position = role.position() == null ? "" : role.position();
					form.unitId = role.unitId();
				}
				case PARTY_MEMBER -> {
					form.partyMember = true;
					form.partyOrganisationId = role.partyOrganisationId();
					form.joinedOn = role.joinedOn();
					form.membership = role.membership();
				}
				case MEDICAL_STAFF -> {
					form.medicalStaff = true;
					form.institution = role.institution();
					form.department = role.department() == null ? "" : role.department();
				}
				case VOLUNTEER -> form.volunteer = true;
				default -> form.keptRoles.add(role);
			}
		}
		return form;
	}

	PersonForm toPersonForm(List<PersonRoleView> kept) {
		List<PersonRoleView> roles = new ArrayList<>(kept);
		if (cadre) {
			roles.add(new PersonRoleView(RoleKind.CADRE, rank, Text.orNull(position), unitId, null, null, null, null,
					null, null, null));
		}
		if (partyMember) {
			roles.add(new PersonRoleView(RoleKind.PARTY_MEMBER, null, null, null, partyOrganisationId, joinedOn,
					membership, null, null, null, null));
		}
		if (medicalStaff) {
			roles.add(new PersonRoleView(RoleKind.MEDICAL_STAFF, null, null, null, null, null, null,
					Text.orNull(institution), Text.orNull(department), null, null));
		}
		if (volunteer) {
			roles.add(PersonRoleView.volunteer());
		}
		return new PersonForm(name, idNumber == null ? null : idNumber.strip(), Text.orNull(phone), householdId,
				householdId == null ? Text.orNull(regionCode) : null, roles);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public void setHouseholdId(Long householdId) {
		this.householdId = householdId;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public boolean isCadre() {
		return cadre;
	}

	public void setCadre(boolean cadre) {
		this.cadre = cadre;
	}

	public CadreRank getRank() {
		return rank;
	}

	public void setRank(CadreRank rank) {
		this.rank = rank;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public boolean isPartyMember() {
		return partyMember;
	}

	public void setPartyMember(boolean partyMember) {
		this.partyMember = partyMember;
	}

	public Long getPartyOrganisationId() {
		return partyOrganisationId;
	}

	public void setPartyOrganisationId(Long partyOrganisationId) {
		this.partyOrganisationId = partyOrganisationId;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public void setJoinedOn(LocalDate joinedOn) {
		this.joinedOn = joinedOn;
	}

	public Membership getMembership() {
		return membership;
	}

	public void setMembership(Membership membership) {
		this.membership = membership;
	}

	public boolean isMedicalStaff() {
		return medicalStaff;
	}

	public void setMedicalStaff(boolean medicalStaff) {
		this.medicalStaff = medicalStaff;
	}

	public String getInstitution() {
		return institution;
	}

	public void setInstitution(String institution) {
		this.institution = institution;
	}

	public String getDepartment() {
		return department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public boolean isVolunteer() {
		return volunteer;
	}

	public void setVolunteer(boolean volunteer) {
		this.volunteer = volunteer;
	}

	List<PersonRoleView> keptRoles() {
		return keptRoles;
	}

}
