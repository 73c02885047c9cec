package cn.huoxian.shared;

import static cn.huoxian.shared.Role.Capability.ACT_AS_SELF;
import static cn.huoxian.shared.Role.Capability.ADMINISTER;
import static cn.huoxian.shared.Role.Capability.ASSESS;
import static cn.huoxian.shared.Role.Capability.EDIT_NETWORK;
import static cn.huoxian.shared.Role.Capability.EDIT_PEOPLE;
import static cn.huoxian.shared.Role.Capability.ENTER_ACCOUNTABILITY;
import static cn.huoxian.shared.Role.Capability.READ_RECORDS;
import static cn.huoxian.shared.Role.Capability.REVEAL;
import static cn.huoxian.shared.Role.Capability.REPORT_DAILY;
import static cn.huoxian.shared.Role.Capability.REVIEW_WORK_LOGS;
import static cn.huoxian.shared.Role.Capability.SELF_SERVICE;
import static cn.huoxian.shared.Role.Capability.WRITE_FOR_UNIT;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles an account can have, and the one table of what each may do beyond reading its
 * scope. Access stores the role of an account (by {@link #name()}, which is also what the
 * API shows); the other modules ask {@link CurrentUser} their questions, never compare
 * role names.
 *
 * <pre>
 *                 admin reveal network people records accountability review assess self unit self-service daily-report
 * CITY_ADMIN        x     x       x      x       x          x           x      x     x                     x
 * EVALUATOR                                      x          x                  x
 * REGION_STAFF            x       x      x       x                      x            x                     x
 * GRID_WORKER             x              x                                           x
 * UNIT_STAFF                                                                         x    x
 * PARTY_MEMBER                                                                       x         x
 * </pre>
 *
 * Scope still applies on top: a capability says what the role may do, the data scope
 * where.
 */
public enum Role {

	/** 市级管理员: everything in the city, audit log, unmasked data. */
	CITY_ADMIN(ADMINISTER, REVEAL, EDIT_NETWORK, EDIT_PEOPLE, READ_RECORDS, ENTER_ACCOUNTABILITY, REVIEW_WORK_LOGS,
			ASSESS, ACT_AS_SELF, REPORT_DAILY),
	/**
	 * 组织部考察人员: reads cadres and records in scope, enters accountability and assesses;
	 * only reads otherwise (writes no work log, not even their own).
	 */
	EVALUATOR(READ_RECORDS, ENTER_ACCOUNTABILITY, ASSESS),
	/** 区域工作人员: maintains the network and people of their regions. */
	REGION_STAFF(REVEAL, EDIT_NETWORK, EDIT_PEOPLE, READ_RECORDS, REVIEW_WORK_LOGS, ACT_AS_SELF, REPORT_DAILY),
	/** 网格员: registers households and residents door to door in their grid. */
	GRID_WORKER(REVEAL, EDIT_PEOPLE, ACT_AS_SELF),
	/** 单位工作人员: reads the people of their unit and writes for it. */
	UNIT_STAFF(ACT_AS_SELF, WRITE_FOR_UNIT),
	/** 党员自助: sees only their own record and submits for themselves. */
	PARTY_MEMBER(ACT_AS_SELF, SELF_SERVICE);

	/** What a role may do; {@link CurrentUser} combines it with the data scope. */
	public enum Capability {

		/** The city administrator's own tasks (accounts, audit log, settings). */
		ADMINISTER,
		/** See unmasked ID numbers and phones (each reveal is audited). */
		REVEAL,
		/** Change regions, units and party organisations. */
		EDIT_NETWORK,
		/** Register or change households and persons, and write in the regions. */
		EDIT_PEOPLE,
		/** Read persons' records in the region scope and supervise work logs there. */
		READ_RECORDS,
		/** Enter accountability into a record in scope. */
		ENTER_ACCOUNTABILITY,
		/** Review work logs in scope. */
		REVIEW_WORK_LOGS,
		/** Run and read assessment rounds. */
		ASSESS,
		/** Write for the person the account is linked to (own work log, own requests). */
		ACT_AS_SELF,
		/** Write for the units in scope (a pairing's ledger, support requests). */
		WRITE_FOR_UNIT,
		/** A self-service account: submits for its own person only. */
		SELF_SERVICE,
		/**
		 * Submit the daily situation report of a village or community in scope, and
		 * reopen a locked one under the regions in scope above it.
		 */
		REPORT_DAILY

	}

	private final Set<Capability> capabilities;

	Role(Capability... capabilities) {
		this.capabilities = capabilities.length == 0 ? EnumSet.noneOf(Capability.class)
				: EnumSet.of(capabilities[0], capabilities);
	}

	/** True when the role may do this (wherever its scope allows). */
	public boolean may(Capability capability) {
		return capabilities.contains(capability);
	}

	public boolean mayReveal() {
		return may(REVEAL);
	}

	public boolean mayEditNetwork() {
		return may(EDIT_NETWORK);
	}

	public boolean mayEditPeople() {
		return may(EDIT_PEOPLE);
	}

	/** The role's name in the caller's language (bundle key {@code role.<NAME>}). */
	public String label() {
		return Messages.text("role." + name());
	}

}
