#!/usr/bin/env pwsh
# Publishes rig-bootstrap as one self-contained, trimmed, single-file executable per runtime.
# The osx-* runtime packs need a machine with full NuGet access; a runtime whose pack cannot be restored is
# reported and skipped, and the script fails only when none could be published.
param(
    [string[]] $Runtimes = @('osx-arm64', 'osx-x64', 'linux-x64'),
    [string] $Configuration = 'Release',
    [string] $Output = (Join-Path $PSScriptRoot 'artifacts/publish')
)

$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'src/RigBootstrap.Cli/RigBootstrap.Cli.csproj'
$published = @()
foreach ($rid in $Runtimes) {
    $dir = Join-Path $Output $rid
    Write-Host "Publishing $rid to $dir"
    dotnet publish $project -c $Configuration -r $rid -o $dir `
        -p:PublishSingleFile=true -p:SelfContained=true -p:PublishTrimmed=true -nologo
    if ($LASTEXITCODE -ne 0) {
        Write-Warning "Could not publish $rid (is its runtime pack reachable from this machine's NuGet?)"
        continue
    }
    $binary = Join-Path $dir 'rig-bootstrap'
    $size = (Get-Item $binary).Length
    Write-Host ("{0}: {1:N1} MB" -f $rid, ($size / 1MB))
    $published += $rid
}

if ($published.Count -eq 0) { throw 'No runtime could be published.' }
Write-Host "Published: $($published -join ', ')"
