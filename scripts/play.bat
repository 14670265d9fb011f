@echo off
rem Windows twin of scripts/play: set up on first use (Python only), then start the game.
rem Arguments go to max247, e.g. "scripts\play.bat validate".
setlocal
cd /d "%~dp0.."
if not exist .venv\Scripts\max247.exe (
  call scripts\setup.bat --play || exit /b 1
)
.venv\Scripts\max247.exe %*
