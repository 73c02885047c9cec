package cn.huoxian.demo;

import java.sql.Connection;

import javax.sql.DataSource;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo city the application generated on start (H2, or PostgreSQL through COPY) keeps
 * its invariants.
 */
@SqlTest
class DemoCityInvariantsTests {

	@Autowired
	DataSource dataSource;

	@Test
	void regionCountersEqualRecount() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			DemoCityInvariants.assertCountersMatchRecount(connection);
		}
	}

	@Test
	void idNumbersAreValidWithTheCountysAreaCode() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			DemoCityInvariants.assertIdNumbersValid(connection);
		}
	}

}
