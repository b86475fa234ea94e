package dev.vsm.adapter.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md, checked on the production classes of every module. */
@AnalyzeClasses(
    packages = "dev.vsm",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ProductionOnly.class})
class ArchitectureTest {

  /** Leaves out the test-jars (in-memory adapters, contract tests, the fake CLI's helpers). */
  static final class ProductionOnly implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule domain_uses_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("dev.vsm.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.vsm.domain..", "java..");

  @ArchTest
  static final ArchRule application_uses_the_domain_and_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("dev.vsm.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.vsm.application..", "dev.vsm.domain..", "java..");

  @ArchTest
  static final ArchRule json_is_jacksons_streaming_core_and_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("dev.vsm.json..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.vsm.json..", "tools.jackson.core..", "java..")
          .because("every adapter reads and writes JSON through it: no object mapper, no vsm type");

  @ArchTest
  static final ArchRule the_filesystem_adapter_uses_no_other_adapter =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.filesystem..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.claude..", "dev.vsm.adapter.postgres..", "dev.vsm.adapter.cli..");

  @ArchTest
  static final ArchRule the_claude_adapter_uses_no_other_adapter =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.claude..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.filesystem..",
              "dev.vsm.adapter.postgres..",
              "dev.vsm.adapter.cli..");

  @ArchTest
  static final ArchRule the_git_adapter_uses_the_application_and_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("dev.vsm.adapter.git..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.git..", "dev.vsm.application..", "dev.vsm.domain..", "java..");

  @ArchTest
  static final ArchRule the_postgres_adapter_uses_no_other_adapter =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.postgres..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.filesystem..", "dev.vsm.adapter.claude..", "dev.vsm.adapter.cli..");

  @ArchTest
  static final ArchRule the_postgres_adapter_uses_the_application_its_driver_and_jackson_only =
      classes()
          .that()
          .resideInAPackage("dev.vsm.adapter.postgres..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.postgres..",
              "dev.vsm.application..",
              "dev.vsm.domain..",
              "tools.jackson..",
              "java..");

  @ArchTest
  static final ArchRule the_cli_knows_no_adapter_but_through_the_library =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.vsm.adapter.filesystem..", "dev.vsm.adapter.claude..", "dev.vsm.adapter.git..")
          .because("adapters never use each other; the library is the one composition root");

  @ArchTest
  static final ArchRule only_the_team_store_class_of_the_cli_knows_postgres =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.cli..")
          .and()
          .doNotHaveSimpleName("TeamStore")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.vsm.adapter.postgres..")
          .because("the team store plugs into the library's Store in one place");

  @ArchTest
  static final ArchRule the_library_knows_no_team_store =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.library..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.vsm.adapter.postgres..")
          .because(
              "Java programs using the library get the files; only the CLI's TeamStore plugs a"
                  + " PostgreSQL store in, through Store.of");

  @ArchTest
  static final ArchRule no_adapter_depends_on_the_library_but_the_cli =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.vsm.domain..",
              "dev.vsm.application..",
              "dev.vsm.adapter.filesystem..",
              "dev.vsm.adapter.claude..",
              "dev.vsm.adapter.git..",
              "dev.vsm.adapter.postgres..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.vsm.library..");

  @ArchTest
  static final ArchRule the_use_cases_expose_no_driven_port =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.application.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.vsm.application.port.out..")
          .because("callers see use cases and their values, not what the cycle drives");

  @ArchTest
  static final ArchRule the_cli_calls_use_cases_not_services =
      noClasses()
          .that()
          .resideInAPackage("dev.vsm.adapter.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.vsm.application.service..")
          .because("the CLI calls the port.in interfaces; only the library builds the services");

  @ArchTest
  static final ArchRule only_the_log_writers_shape_an_entrys_data =
      noClasses()
          .that()
          .areNotAssignableTo("dev.vsm.application.service.LogWriter")
          .should()
          .callMethodWhere(
              JavaCall.Predicates.target(HasName.Predicates.nameMatching("stateChanged|event"))
                  .and(
                      JavaCall.Predicates.target(
                          HasOwner.Predicates.With.owner(
                              JavaClass.Predicates.assignableTo(
                                  "dev.vsm.application.service.LogWriter")))))
          .because("CycleLog and HookLog are the one place that knows each log entry's data");

  @ArchTest
  static final ArchRule no_package_cycles =
      slices().matching("dev.vsm.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nobody_prints_but_the_cli =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.vsm.adapter.cli..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err");
}
