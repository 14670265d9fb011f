from max247.settings import Settings, load_settings, save_settings, settings_path


def test_round_trip(tmp_path):
    save_settings(Settings(language="fr", libraries=["/x"]), tmp_path)
    settings, note = load_settings(tmp_path)
    assert settings.language == "fr" and settings.libraries == ["/x"] and note is None


def test_a_corrupt_file_is_set_aside_and_defaults_are_used(tmp_path):
    settings_path(tmp_path).write_text("{not json", encoding="utf-8")
    settings, note = load_settings(tmp_path)
    assert settings == Settings()
    assert "kept as settings.json.broken-" in note
    assert list(tmp_path.glob("settings.json.broken-*"))


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path):
    settings_path(tmp_path).write_text('{"language": "en", "future": 1}', encoding="utf-8")
    settings, note = load_settings(tmp_path)
    assert settings.language == "en" and note is None
