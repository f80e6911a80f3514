# What a student does, on Windows: the runtime's tests, then the exported template's public tests with
# the stubs (must fail, naming every step's test class) and with the reference solutions (must pass),
# then the guide's three commands for every step. The template lies in a folder whose path holds a
# space and non-ASCII letters, and its Maven wrapper keeps its Maven under such a folder too, as it
# does for a student whose user name is "José Müller".
#
# The same steps, in the same order, as .ci/os-checks (bash, run on Linux and macOS); keep the two in
# step. PowerShell 7 (pwsh), which reads this file as UTF-8. Usage: .ci/os-checks.ps1 [-WorkDir <folder>]
param([string]$WorkDir = (Join-Path ([System.IO.Path]::GetTempPath()) ([System.IO.Path]::GetRandomFileName())))

$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$repo = Get-Location

function Fail([string]$message) {
    [Console]::Error.WriteLine("os-checks: $message")
    exit 1
}

# A native command's failure does not stop PowerShell: every call checks $LASTEXITCODE.
function Invoke-Checked([string]$what, [scriptblock]$command) {
    & $command
    if ($LASTEXITCODE -ne 0) { Fail "$what failed with exit code $LASTEXITCODE" }
}

# Runs the template's Maven wrapper (mvnw.cmd) in the template; returns its exit code and keeps its
# output in $script:Output. Arguments are quoted by the callers, because PowerShell splits an unquoted
# -Da.b=c at the dot.
function Invoke-TemplateMaven([string[]]$arguments) {
    Push-Location $template
    $savedUserHome = $env:MAVEN_USER_HOME
    $env:MAVEN_USER_HOME = $wrapperHome
    # Maven's lines on standard error must not count as PowerShell errors under 'Stop'.
    $ErrorActionPreference = 'Continue'
    try {
        $script:Output = @(& .\mvnw.cmd -B @arguments 2>&1 | ForEach-Object { "$_" })
        $code = $LASTEXITCODE
    } finally {
        $env:MAVEN_USER_HOME = $savedUserHome
        Pop-Location
    }
    $script:Output | Write-Host
    return $code
}

function Test-Printed([string]$line) {
    return [bool]($script:Output | Where-Object { $_.TrimEnd() -ceq $line })
}

function Test-Matches([string]$pattern) {
    return [bool]($script:Output | Select-String -CaseSensitive -Pattern $pattern)
}

# The steps: id, test class, the test class's display name (surefire's "-- in ..." line), a line that
# the step's main prints.
$steps = @(
    @{ Id = 'square'; Class = 'Step1SquareTest'; Display = 'Step 1: square'; Prints = '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]' },
    @{ Id = 'complex_square'; Class = 'Step2ComplexSquareTest'; Display = 'Step 2: complex_square'; Prints = '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]' },
    @{ Id = 'queue'; Class = 'Step3QueueTest'; Display = 'Step 3: queue'; Prints = '9' },
    @{ Id = 'slow_square'; Class = 'Step4SlowSquareTest'; Display = 'Step 4: slow_square'; Prints = 'All tasks completed.' }
)

Write-Host "== The runtime's tests"
Invoke-Checked "the runtime's tests" { .\mvnw.cmd -B test -pl runtime }

Write-Host "== Build the grader, export the student template"
Invoke-Checked "building the grader" { .\mvnw.cmd -B -q '-DskipTests' -pl grader -am package }
$template = Join-Path $WorkDir 'José Müller\Lab'
if (Test-Path $template) { Remove-Item -Recurse -Force $template }
Invoke-Checked "exporting the template" { java -jar grader\target\grader.jar export $template }
# mvnw.cmd keeps its Maven in the user's .m2 folder (MAVEN_USER_HOME): give it one whose path has a
# space and accents, seeded with the Maven that the repository's own wrapper has just used.
$wrapperHome = Join-Path $WorkDir 'José Müller\.m2'
if (Test-Path $wrapperHome) { Remove-Item -Recurse -Force $wrapperHome }
New-Item -ItemType Directory -Force -Path $wrapperHome | Out-Null
$userM2 = if ($env:MAVEN_USER_HOME) { $env:MAVEN_USER_HOME } else { Join-Path $HOME '.m2' }
if (Test-Path (Join-Path $userM2 'wrapper')) { Copy-Item -Recurse -Path (Join-Path $userM2 'wrapper') -Destination $wrapperHome }

Write-Host "== Public tests on the untouched stubs: must fail, naming every step's test class"
if ((Invoke-TemplateMaven @('test')) -eq 0) { Fail "the public tests passed on the stubs" }
foreach ($step in $steps) {
    if (-not (Test-Matches "lab\.$($step.Class)\.[^ ]+ -- Time elapsed: .*<<< (FAILURE|ERROR)!")) {
        Fail "the failing build does not report a failing test of $($step.Class) ($($step.Id))"
    }
    if (-not (Test-Matches "<<< (FAILURE|ERROR)! -- in $([regex]::Escape($step.Display))")) {
        Fail "the failing build does not name `"$($step.Display)`" as failing"
    }
}

Write-Host "== Public tests with the reference solutions: must pass"
Copy-Item -Path solutions\src\main\java\lab\*.java -Destination (Join-Path $template 'exercises\src\main\java\lab') -Force
if ((Invoke-TemplateMaven @('test')) -ne 0) { Fail "the public tests failed on the reference solutions" }

Write-Host "== The guide's commands, for every step"
foreach ($step in $steps) {
    $id = $step.Id

    if ((Invoke-TemplateMaven @('-q', 'compile', 'exec:exec', "-Dstep=$id")) -ne 0) { Fail "exec:exec -Dstep=$id failed" }
    if (-not (Test-Printed $step.Prints)) { Fail "exec:exec -Dstep=$id did not print `"$($step.Prints)`"" }

    if ((Invoke-TemplateMaven @('test', "-Dstep=$id")) -ne 0) { Fail "test -Dstep=$id failed" }
    if (-not (Test-Matches "Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0, .* -- in $([regex]::Escape($step.Display))$")) {
        Fail "test -Dstep=$id did not run the tests of $($step.Class)"
    }
    if ($script:Output | Select-String -CaseSensitive -Pattern '-- in Step [1-4]: ' | Where-Object { -not $_.Line.Contains("-- in $($step.Display)") }) {
        Fail "test -Dstep=$id ran other steps' tests too"
    }

    # The tests draw the same page: remove theirs, so that only this command can have written it.
    $page = Join-Path $template "exercises\target\timeline-$id.html"
    if (Test-Path $page) { Remove-Item -Force $page }
    if ((Invoke-TemplateMaven @('-q', 'compile', 'exec:exec@timeline', "-Dstep=$id")) -ne 0) {
        Fail "exec:exec@timeline -Dstep=$id failed"
    }
    if (-not (Test-Printed $step.Prints)) { Fail "exec:exec@timeline -Dstep=$id did not print `"$($step.Prints)`"" }
    if (-not (Test-Path $page) -or (Get-Item $page).Length -eq 0) { Fail "exec:exec@timeline -Dstep=$id did not write timeline-$id.html" }
}
Write-Host "os-checks: all passed on Windows from $repo"
