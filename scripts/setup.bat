@echo off
rem Windows twin of scripts/setup: make (or refresh) .venv. Safe to run again.
rem   scripts\setup.bat          everything for development and tests
rem   scripts\setup.bat --play   only what playing needs (no admin rights)
rem Needs Python 3.10+ from python.org or the Microsoft Store (the "py" launcher or "python").
setlocal
cd /d "%~dp0.."
set "PY=python"
where py >nul 2>nul && set "PY=py -3"
if not exist .venv\Scripts\python.exe (
  %PY% -m venv .venv || (echo Python 3.10 or newer is needed: https://www.python.org/downloads/ & exit /b 1)
)
set "EXTRAS=[dev]"
if /i "%~1"=="--play" set "EXTRAS="
.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -e ".%EXTRAS%" || exit /b 1
