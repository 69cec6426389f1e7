"""The production settings pass Django's deployment checklist, warnings included."""

from tests.servers import manage, production_environment


def test_production_settings_pass_check_deploy(tmp_path):
    environment = production_environment(PORTAL_VAR_DIR=str(tmp_path), SECURE_SSL_REDIRECT="true")
    result = manage(environment, "check", "--deploy", "--fail-level", "WARNING", timeout=120)
    assert "no issues" in result.stdout
