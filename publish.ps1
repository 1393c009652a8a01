#!/usr/bin/env pwsh
# Publishes rig-bootstrap as one self-contained, trimmed, single-file executable per runtime, with the settings
# tests/run.sh uses. The osx-* binaries come out of `dotnet publish` with the SDK's ad-hoc signature, on any OS.
#
# On a Mac, -SigningIdentity re-signs each osx-* binary with that certificate (a "Developer ID Application: …"
# identity in the keychain), hardened runtime and a secure timestamp, and checks it with `codesign --verify
# --strict`; -NotaryProfile then submits a zip of it to Apple's notary service and waits for the verdict.
# docs/signing.md says why a fleet wants this and what each step proves.
param(
    [string[]] $Runtimes = @('osx-arm64', 'osx-x64', 'linux-x64'),
    [string] $Configuration = 'Release',
    [string] $Output = (Join-Path $PSScriptRoot 'artifacts/publish'),
    # A codesign identity, such as 'Developer ID Application: Example Corp (ABCDE12345)'; none keeps the ad-hoc signature.
    [string] $SigningIdentity,
    # A notarytool keychain profile (made once with `xcrun notarytool store-credentials <name>`); needs -SigningIdentity.
    [string] $NotaryProfile
)

$ErrorActionPreference = 'Stop'

if ($NotaryProfile -and -not $SigningIdentity) {
    throw '-NotaryProfile needs -SigningIdentity: Apple notarizes only code signed with a Developer ID and the hardened runtime.'
}
if ($SigningIdentity -and -not $IsMacOS) {
    throw "-SigningIdentity needs a Mac: codesign and the keychain holding '$SigningIdentity' exist only on macOS. Publish without it here and sign on a Mac."
}

function Invoke-Tool([string] $what, [string] $file, [string[]] $arguments) {
    & $file @arguments
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE): $file $($arguments -join ' ')" }
}

function Publish-Runtime([string] $rid) {
    $dir = Join-Path $Output $rid
    Write-Host "Publishing $rid to $dir"
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Tool "dotnet publish -r $rid" 'dotnet' @('publish', $project, '-c', $Configuration, '-r', $rid, '-o', $dir, '-nologo',
        '-p:PublishSingleFile=true', '-p:SelfContained=true', '-p:PublishTrimmed=true')
    $binary = Join-Path $dir 'rig-bootstrap'
    Write-Host ('{0}: {1:N0} bytes in {2:N0} s' -f $rid, (Get-Item $binary).Length, $watch.Elapsed.TotalSeconds)
    return $binary
}

function Set-Signature([string] $binary) {
    # --options runtime (hardened runtime) and --timestamp are what notarization requires.
    Invoke-Tool 'codesign' '/usr/bin/codesign' @('--force', '--options', 'runtime', '--timestamp', '--sign', $SigningIdentity, $binary)
    Invoke-Tool 'codesign --verify' '/usr/bin/codesign' @('--verify', '--strict', '--verbose=2', $binary)
    Write-Host "${binary}: signed by $SigningIdentity and verified"
}

function Submit-Notarization([string] $binary) {
    # notarytool takes a zip, dmg or pkg, not a bare Mach-O; ditto keeps the signature intact.
    $zip = "$binary.zip"
    Invoke-Tool 'ditto' '/usr/bin/ditto' @('-c', '-k', '--keepParent', $binary, $zip)
    Invoke-Tool 'notarytool submit' '/usr/bin/xcrun' @('notarytool', 'submit', $zip, '--keychain-profile', $NotaryProfile, '--wait')
    # A bare executable has nowhere to hold a stapled ticket: Gatekeeper looks the notarization up online instead.
    Write-Host "${binary}: notarized ($zip accepted). A bare binary cannot be stapled; a Mac checks its ticket with Apple online on first launch."
}

$project = Join-Path $PSScriptRoot 'src/RigBootstrap.Cli/RigBootstrap.Cli.csproj'
$published = @()
foreach ($rid in $Runtimes) {
    $binary = Publish-Runtime $rid
    if ($rid -like 'osx-*') {
        if ($SigningIdentity) {
            Set-Signature $binary
            if ($NotaryProfile) { Submit-Notarization $binary }
            else { Write-Host "${binary}: not notarized (no -NotaryProfile)" }
        }
        else {
            Write-Host "${binary}: keeps the SDK's ad-hoc signature (no -SigningIdentity): it runs, but TCC and PPPC see each release as a new program (docs/signing.md)"
        }
    }
    $published += $rid
}

Write-Host "Published: $($published -join ', ')"
