package cn.huoxian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** The module structure: no cycles, no reaching into another module's internals. */
class ModularityTests {

	/** Where the Documenter writes under Maven. */
	private static final Path DOCS = Path.of("target", "spring-modulith-docs");

	// read once for both tests: scanning the classes is most of their time
	private static final ApplicationModules modules = ApplicationModules.of(HuoxianApplication.class);

	@Test
	void verifiesModuleStructure() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		// files left by an earlier run must not pass for this run's output
		FileSystemUtils.deleteRecursively(DOCS);
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertWrittenAndNamed(DOCS.resolve("components.puml"), modules.stream().findFirst().orElseThrow());
		for (ApplicationModule module : modules) {
			assertWrittenAndNamed(DOCS.resolve("module-" + module.getIdentifier() + ".puml"), module);
		}
	}

	private static void assertWrittenAndNamed(Path file, ApplicationModule module) throws IOException {
		assertThat(file).isRegularFile();
		assertThat(Files.readString(file)).as(file.toString()).contains(module.getDisplayName());
	}

}
