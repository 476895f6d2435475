@echo off
rem TCP Flow Lab's command line, straight from this source tree: tcpflowlab run -p seed-buggy
rem The first call builds the classes and gathers the runtime libraries through mvnw.cmd (only a
rem JDK 17+ is needed). After changing a source file, delete target\.tcpflowlab-cli to rebuild.
setlocal
set "ROOT=%~dp0"
if not exist "%ROOT%target\.tcpflowlab-cli" (
    echo tcpflowlab: building once ... 1>&2
    if exist "%ROOT%target\lib" rmdir /s /q "%ROOT%target\lib"
    pushd "%ROOT%"
    call "%ROOT%mvnw.cmd" -q -B -DskipTests compile dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=%ROOT%target\lib" 1>&2
    if errorlevel 1 ( popd & exit /b 1 )
    popd
    type nul > "%ROOT%target\.tcpflowlab-cli"
)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -cp "%ROOT%target\classes;%ROOT%target\lib\*" tcpflowlab.cli.Main %*
exit /b %ERRORLEVEL%
