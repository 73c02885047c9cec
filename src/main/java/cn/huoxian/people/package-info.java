/**
 * People: residents, cadres, party members, medical staff, volunteers and first
 * secretaries, with ID-number validation, masking and audited reveals.
 */
@cn.huoxian.shared.OwnsTables({ "person", "person_role", "person_return" })
@org.springframework.modulith.ApplicationModule(displayName = "People")
package cn.huoxian.people;
