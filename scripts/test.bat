@echo off
rem Windows twin of scripts/test: set up, then every check, the ready folder's build, and the
rem test suite, headless (--fast: without the build and the slow tests). (The Debian tools some tests use are not installed here: those skip.)
setlocal
cd /d "%~dp0.."
call scripts\setup.bat || exit /b 1
set SDL_VIDEODRIVER=dummy
set SDL_AUDIODRIVER=dummy
set PYGAME_HIDE_SUPPORT_PROMPT=1
.venv\Scripts\ruff.exe check . || exit /b 1
.venv\Scripts\ruff.exe format --check . || exit /b 1
.venv\Scripts\mypy.exe || exit /b 1
.venv\Scripts\max247.exe validate --strict || exit /b 1
.venv\Scripts\max247.exe test || exit /b 1
if /i "%~1"=="--fast" (
  .venv\Scripts\python.exe -m pytest -q -n auto -m "not slow" || exit /b 1
  exit /b 0
)
.venv\Scripts\max247.exe build || exit /b 1
set "MAX247_BUILD=%CD%\dist\Max247"
.venv\Scripts\python.exe -m pytest -q -n auto %* || exit /b 1
