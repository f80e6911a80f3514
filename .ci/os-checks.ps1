# What a student does, on Windows: the runtime's tests, then the exported template's public tests with
# the stubs (must fail, naming every step) and with the reference solutions (must pass), then the
# guide's three commands for every step. The template lies in a folder whose path holds a space and
# non-ASCII letters, as students' folders often do.
#
# The same steps, in the same order, as .ci/os-checks (bash, run on Linux and macOS); keep the two in
# step. PowerShell 7 (pwsh). Usage: .ci/os-checks.ps1 [-WorkDir <folder>]
param([string]$WorkDir = (Join-Path ([System.IO.Path]::GetTempPath()) ([System.IO.Path]::GetRandomFileName())))

$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$repo = Get-Location

function Fail([string]$message) {
    Write-Error "os-checks: $message"
    exit 1
}

# A native command's failure does not stop PowerShell: every call checks $LASTEXITCODE.
function Invoke-Checked([string]$what, [scriptblock]$command) {
    & $command
    if ($LASTEXITCODE -ne 0) { Fail "$what failed with exit code $LASTEXITCODE" }
}

# Runs the template's Maven wrapper (mvnw.cmd) in the template; returns its exit code and keeps its
# output in $script:Output. Arguments are quoted, because PowerShell splits -Da.b=c at the dot.
function Invoke-TemplateMaven([string[]]$arguments) {
    Push-Location $template
    # Maven's lines on standard error must not count as PowerShell errors under 'Stop'.
    $ErrorActionPreference = 'Continue'
    try {
        $script:Output = & .\mvnw.cmd -B @arguments 2>&1 | ForEach-Object { "$_" }
        $code = $LASTEXITCODE
    } finally {
        Pop-Location
    }
    $script:Output | Write-Host
    return $code
}

Write-Host "== The runtime's tests"
Invoke-Checked "the runtime's tests" { .\mvnw.cmd -B test -pl runtime }

Write-Host "== Build the grader, export the student template"
Invoke-Checked "building the grader" { .\mvnw.cmd -B -q '-DskipTests' -pl grader -am package }
$template = Join-Path $WorkDir 'José Müller\Lab'
if (Test-Path $template) { Remove-Item -Recurse -Force $template }
Invoke-Checked "exporting the template" { java -jar grader\target\grader.jar export $template }

Write-Host "== Public tests on the untouched stubs: must fail, naming every step"
if ((Invoke-TemplateMaven @('test')) -eq 0) { Fail "the public tests passed on the stubs" }
foreach ($step in 'Step 1: square', 'Step 2: complex_square', 'Step 3: queue', 'Step 4: slow_square') {
    if (-not ($script:Output | Select-String -SimpleMatch "FAILURE! -- in $step")) {
        Fail "the failing build does not name `"$step`""
    }
}

Write-Host "== Public tests with the reference solutions: must pass"
Copy-Item -Path solutions\src\main\java\lab\*.java -Destination (Join-Path $template 'exercises\src\main\java\lab') -Force
if ((Invoke-TemplateMaven @('test')) -ne 0) { Fail "the public tests failed on the reference solutions" }

Write-Host "== The guide's commands, for every step"
$expected = @{
    'square'         = '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]'
    'complex_square' = '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]'
    'queue'          = '9'
    'slow_square'    = 'All tasks completed.'
}
foreach ($step in 'square', 'complex_square', 'queue', 'slow_square') {
    if ((Invoke-TemplateMaven @('-q', 'compile', 'exec:exec', "-Dstep=$step")) -ne 0) { Fail "exec:exec -Dstep=$step failed" }
    if (-not ($script:Output | Where-Object { $_.Trim() -ceq $expected[$step] })) {
        Fail "exec:exec -Dstep=$step did not print `"$($expected[$step])`""
    }
    if ((Invoke-TemplateMaven @('test', "-Dstep=$step")) -ne 0) { Fail "test -Dstep=$step failed" }
    if ((Invoke-TemplateMaven @('-q', 'compile', 'exec:exec@timeline', "-Dstep=$step")) -ne 0) {
        Fail "exec:exec@timeline -Dstep=$step failed"
    }
    $page = Join-Path $template "exercises\target\timeline-$step.html"
    if (-not (Test-Path $page) -or (Get-Item $page).Length -eq 0) { Fail "no timeline-$step.html was written" }
}
Write-Host "os-checks: all passed on Windows from $repo"
