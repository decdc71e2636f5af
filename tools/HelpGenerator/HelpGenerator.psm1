<#
Builds the MAML help of a binary module from Markdown that people read and edit
(src/Chinook.PowerShell/Help/<Verb-Noun>.md; the format is described in Help/README.md).

Syntax, types, parameter sets, Mandatory, Position, pipeline input, wildcards, aliases and defaults come from
the built module itself (Export-CmdletMetadata.ps1, run in a pwsh of its own); the words come from the
Markdown. Help that is missing or no longer matches the cmdlets stops the build, so it cannot rot.

Parameters that several cmdlets share (the DynamoDB connection parameters) are written once, in a shared
file Help/_<Name>.md that holds only ## PARAMETERS. Its text is used for every cmdlet that has all of the
parameters it documents, unless the cmdlet's own page documents the parameter.
#>
Set-StrictMode -Version Latest

$Sections = 'SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'EXAMPLES', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$SectionsWithSubsections = 'PARAMETERS', 'EXAMPLES', 'INPUTS', 'OUTPUTS'
$MinimumExamples = 2
$Maml = 'http://schemas.microsoft.com/maml/2004/10'
$Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# -WhatIf and -Confirm mean the same on every cmdlet; a help source may still say more about them.
$ShouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-CmdletMetadata {
    <# Loads the module in a fresh pwsh (the build session must not hold the assembly) and returns its cmdlets' metadata. #>
    param([Parameter(Mandatory)] [string] $ModulePath)
    $json = [System.IO.Path]::GetTempFileName()
    try {
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Export-CmdletMetadata.ps1') `
            -ModulePath $ModulePath -OutFile $json | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlets of $ModulePath failed (exit code $LASTEXITCODE)." }
        return @(Get-Content -Raw -LiteralPath $json | ConvertFrom-Json)
    }
    finally {
        Remove-Item -LiteralPath $json -ErrorAction Ignore
    }
}

function Split-Paragraphs {
    <#
    Blank lines separate paragraphs. A paragraph's lines are joined into one line, except in lists
    (lines starting with "- ", "* " or "1. "), indented blocks and fenced code, which keep their line breaks.
    #>
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = {
        if ($current.Count -eq 0) { return }
        $keepBreaks = $current | Where-Object { $_ -match '^(\s{2,}|[-*] |\d+\. |```)' }
        $text = if ($keepBreaks) { ($current | Where-Object { $_ -notmatch '^```' }) -join "`n" } else { ($current | ForEach-Object Trim) -join ' ' }
        $paragraphs.Add($text.TrimEnd())
        $current.Clear()
    }
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.Trim() -eq '' ) { . $flush; continue }
        $current.Add($line.TrimEnd())
    }
    . $flush
    return $paragraphs
}

function Read-HelpSource {
    <#
    Parses one <Verb-Noun>.md into sections and subsections. Problems are added to $Problems with the file
    and line, so one build reports all of them at once.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [System.Collections.Generic.List[string]] $Problems
    )
    $file = Split-Path $Path -Leaf
    $source = [ordered]@{ Name = $null; Sections = [ordered]@{} }
    $section = $null
    $body = $null
    $inFence = $false
    $number = 0
    foreach ($line in Get-Content -LiteralPath $Path) {
        $number++
        if ($line -match '^```') { $inFence = -not $inFence }
        if ($inFence -or $line -notmatch '^(#{1,3}) +(.+?)\s*$') {
            if ($null -ne $body) { $body.Add($line) }
            elseif ($line.Trim() -ne '') { $Problems.Add("${file}:${number}: text outside any section; start with '# <Verb-Noun>' and '## SYNOPSIS'.") }
            continue
        }
        $level = $Matches[1].Length
        $title = $Matches[2]
        switch ($level) {
            1 { $source.Name = $title; $section = $null; $body = $null }
            2 {
                $section = $title.ToUpperInvariant()
                if ($section -notin $Sections) {
                    $Problems.Add("${file}:${number}: unknown section '## $title'; the sections are: $($Sections -join ', ').")
                }
                if ($source.Sections.Contains($section)) { $Problems.Add("${file}:${number}: '## $title' appears twice.") }
                $source.Sections[$section] = [ordered]@{ Lines = [System.Collections.Generic.List[string]]::new(); Subsections = [ordered]@{} }
                $body = $source.Sections[$section].Lines
            }
            3 {
                if ($section -notin $SectionsWithSubsections) {
                    $Problems.Add("${file}:${number}: '### $title' belongs under ## PARAMETERS, ## EXAMPLES, ## INPUTS or ## OUTPUTS.")
                    $body = $null
                    continue
                }
                $subsections = $source.Sections[$section].Subsections
                if ($subsections.Contains($title)) { $Problems.Add("${file}:${number}: '### $title' appears twice under ## $section.") }
                $body = $subsections[$title] = [System.Collections.Generic.List[string]]::new()
            }
        }
    }
    return $source
}

function Get-SectionParagraphs($Source, [string] $Name) {
    if (-not $Source.Sections.Contains($Name)) { return }
    Split-Paragraphs $Source.Sections[$Name].Lines
}

function Get-Subsections($Source, [string] $Name) {
    if (-not $Source.Sections.Contains($Name)) { return [ordered]@{} }
    return $Source.Sections[$Name].Subsections
}

function Read-SharedParameters {
    <#
    Parses a shared parameter file (_<Name>.md): '# _<Name>' and a ## PARAMETERS section only, each
    '### -Name' with its text. Returns the file name and its parameters' lines, in the file's order.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [System.Collections.Generic.List[string]] $Problems
    )
    $file = Split-Path $Path -Leaf
    $source = Read-HelpSource -Path $Path -Problems $Problems
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    if ($source.Name -ne $name) { $Problems.Add("${file}: the first heading must be '# $name', not '# $($source.Name)'.") }
    foreach ($section in $source.Sections.Keys | Where-Object { $_ -ne 'PARAMETERS' }) {
        $Problems.Add("${file}: a shared parameter file holds only ## PARAMETERS, not ## $section.")
    }
    $parameters = Get-Subsections $source 'PARAMETERS'
    if ($parameters.Count -eq 0) { $Problems.Add("${file}: ## PARAMETERS needs at least one '### -<Name>' with its text.") }
    foreach ($entry in $parameters.GetEnumerator()) {
        if ($entry.Key -notmatch '^-\w+$') { $Problems.Add("${file}: '### $($entry.Key)' is not a parameter; write '### -<Name>'.") }
        elseif (@(Split-Paragraphs @($entry.Value | Where-Object { $_ -notmatch '^Default value:' })).Count -eq 0) {
            $Problems.Add("${file}: '### $($entry.Key)' has no help text.")
        }
    }
    return [ordered]@{ File = $file; Parameters = $parameters; UsedBy = [System.Collections.Generic.List[string]]::new() }
}

function Add-SharedParameters {
    <#
    The cmdlet page's parameter texts, completed from the shared files that apply to the cmdlet: those whose
    every parameter the cmdlet has. The page's own '### -Name' wins over a shared one.
    #>
    param($Metadata, $Documented, $Shared, [string] $File, [System.Collections.Generic.List[string]] $Problems)
    $merged = [ordered]@{}
    foreach ($key in $Documented.Keys) { $merged[$key] = $Documented[$key] }
    $own = @($Metadata.Parameters | Where-Object Kind -ne 'Common' | ForEach-Object { "-$($_.Name)" })
    $from = @{}
    foreach ($group in $Shared) {
        if (@($group.Parameters.Keys | Where-Object { $_ -notin $own }).Count -gt 0) { continue }
        $group.UsedBy.Add($Metadata.Name)
        foreach ($key in $group.Parameters.Keys | Where-Object { -not $Documented.Contains($_) }) {
            if ($from.ContainsKey($key)) {
                $Problems.Add("${File}: '### $key' of $($Metadata.Name) is in both $($from[$key]) and $($group.File); document it in one of them, or on the cmdlet's page.")
                continue
            }
            $from[$key] = $group.File
            $merged[$key] = $group.Parameters[$key]
        }
    }
    return $merged
}

function Read-Example {
    <# An example is one fenced code block followed by the sentences that say what it does. #>
    param([string] $Title, [string[]] $Lines, [string] $Where, [System.Collections.Generic.List[string]] $Problems)
    $fences = @(for ($i = 0; $i -lt $Lines.Count; $i++) { if ($Lines[$i] -match '^```') { $i } })
    if ($fences.Count -ne 2) {
        $Problems.Add("${Where}: example '$Title' needs exactly one fenced code block (``````powershell ... ``````).")
        return
    }
    $before = @($Lines[0..$fences[0]] | Where-Object { $_.Trim() -ne '' -and $_ -notmatch '^```' })
    if ($before) { $Problems.Add("${Where}: example '$Title' has text before its code block; put the explanation after the code.") }
    $code = if ($fences[1] -gt $fences[0] + 1) { $Lines[($fences[0] + 1)..($fences[1] - 1)] -join "`n" } else { '' }
    $remarks = @(if ($fences[1] + 1 -lt $Lines.Count) { Split-Paragraphs $Lines[($fences[1] + 1)..($Lines.Count - 1)] })
    if ($code.Trim() -eq '') { $Problems.Add("${Where}: example '$Title' has an empty code block.") }
    if ($remarks.Count -eq 0) { $Problems.Add("${Where}: example '$Title' needs a sentence after its code saying what it does.") }
    return [ordered]@{ Title = $Title; Code = $code; Remarks = $remarks }
}

function Read-TypeSections {
    <# INPUTS and OUTPUTS: one '### <type>' each, with what it means. #>
    param($Source, [string] $Section, [string] $Where, [System.Collections.Generic.List[string]] $Problems)
    $types = foreach ($entry in (Get-Subsections $Source $Section).GetEnumerator()) {
        $paragraphs = @(Split-Paragraphs $entry.Value)
        if ($paragraphs.Count -eq 0) { $Problems.Add("${Where}: ## $Section '### $($entry.Key)' has no description.") }
        [ordered]@{ Type = $entry.Key; Paragraphs = $paragraphs }
    }
    if (-not $types) { $Problems.Add("${Where}: ## $Section needs at least one '### <type>' (or '### None') with a description.") }
    return @($types)
}

function Merge-CmdletHelp {
    <# Checks a parsed help source against a cmdlet's metadata and returns what the MAML writer needs. #>
    param($Metadata, $Source, [string] $File, [System.Collections.Generic.List[string]] $Problems, $Shared = @())
    $name = $Metadata.Name
    if ($Source.Name -ne $name) { $Problems.Add("${File}: the first heading must be '# $name', not '# $($Source.Name)'.") }
    $help = [ordered]@{ Metadata = $Metadata }
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION') {
        $help[$required] = @(Get-SectionParagraphs $Source $required)
        if ($help[$required].Count -eq 0) { $Problems.Add("${File}: $name has no ## $required text.") }
    }

    $documented = Get-Subsections $Source 'PARAMETERS'
    $help.Parameters = [ordered]@{}
    foreach ($key in $documented.Keys) {
        $parameterName = $key -replace '^-', ''
        if ($key -notmatch '^-\w+$' -or -not ($Metadata.Parameters | Where-Object { $_.Name -eq $parameterName -and $_.Kind -ne 'Common' })) {
            $Problems.Add("${File}: '### $key' documents a parameter that $name does not have (write '### -<Name>' for each of its own parameters).")
        }
    }
    $documented = Add-SharedParameters -Metadata $Metadata -Documented $documented -Shared $Shared -File $File -Problems $Problems
    # The help lists parameters in the order the page gives them, then the shared files' order; -WhatIf and -Confirm come last.
    $order = @($documented.Keys | ForEach-Object { $_.ToLowerInvariant() })
    $own = @($Metadata.Parameters | Where-Object Kind -ne 'Common' | Sort-Object -Stable {
            $index = $order.IndexOf("-$($_.Name)".ToLowerInvariant())
            if ($index -lt 0 -or $_.Kind -eq 'ShouldProcess') { [int]::MaxValue } else { $index } })
    foreach ($parameter in $own) {
        $lines = $documented["-$($parameter.Name)"]
        $default = $parameter.Default
        $text = @()
        if ($lines) {
            $override = $lines | Where-Object { $_ -match '^Default value:\s*(.+)$' } | Select-Object -Last 1
            if ($override) { $default = ($override -replace '^Default value:\s*', '').Trim() }
            $text = @(Split-Paragraphs @($lines | Where-Object { $_ -notmatch '^Default value:' }))
        }
        if ($text.Count -eq 0 -and $parameter.Kind -eq 'ShouldProcess') { $text = @($ShouldProcessText[$parameter.Name]) }
        if ($text.Count -eq 0) { $Problems.Add("${File}: parameter -$($parameter.Name) of $name has no help text (add '### -$($parameter.Name)' under ## PARAMETERS).") }
        $help.Parameters[$parameter.Name] = [ordered]@{ Metadata = $parameter; Paragraphs = $text; Default = $default ?? 'None' }
    }

    $help.Examples = @(foreach ($entry in (Get-Subsections $Source 'EXAMPLES').GetEnumerator()) {
            Read-Example -Title $entry.Key -Lines $entry.Value -Where $File -Problems $Problems
        })
    if ($help.Examples.Count -lt $MinimumExamples) {
        $Problems.Add("${File}: $name has $($help.Examples.Count) example(s) under ## EXAMPLES; it needs at least $MinimumExamples.")
    }

    $help.Inputs = Read-TypeSections $Source 'INPUTS' $File $Problems
    $help.Outputs = Read-TypeSections $Source 'OUTPUTS' $File $Problems
    $described = @($help.Outputs | ForEach-Object Type)
    foreach ($type in $Metadata.OutputTypes | Where-Object { $_ -notin $described }) {
        $Problems.Add("${File}: $name declares [OutputType($type)] but ## OUTPUTS has no '### $type'.")
    }
    foreach ($type in $described | Where-Object { $_ -notin $Metadata.OutputTypes }) {
        $Problems.Add("${File}: ## OUTPUTS describes '$type', which $name does not declare in [OutputType] ($($Metadata.OutputTypes -join ', ')).")
    }

    $help.Notes = @(Get-SectionParagraphs $Source 'NOTES')
    $help.Links = @(foreach ($line in (Get-SectionParagraphs $Source 'RELATED LINKS') -split "`n") {
            $link = $line -replace '^\s*[-*]\s*', ''
            if ($link -match '^\[(.+)\]\((.*)\)$') { [ordered]@{ Text = $Matches[1]; Uri = $Matches[2] } }
            elseif ($link.Trim()) { [ordered]@{ Text = $link.Trim(); Uri = '' } }
        })
    return $help
}

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Element, [string] $Namespace, [string[]] $Paragraphs) {
    $Writer.WriteStartElement($Element, $Namespace)
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('para', $Maml, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-TypeElement([System.Xml.XmlWriter] $Writer, [string] $TypeName) {
    $Writer.WriteStartElement('type', $Dev)
    $Writer.WriteElementString('name', $Maml, $TypeName)
    $Writer.WriteElementString('uri', $Maml, '')
    $Writer.WriteEndElement()
}

function Write-Parameter {
    <# One command:parameter; $Binding is the parameter's Mandatory/Position/pipeline in one parameter set. #>
    param([System.Xml.XmlWriter] $Writer, $Help, $Binding, [switch] $InSyntax)
    $meta = $Help.Metadata
    $pipeline = @(if ($Binding.ByValue) { 'ByValue' }; if ($Binding.ByPropertyName) { 'ByPropertyName' })
    $Writer.WriteStartElement('parameter', $Command)
    $Writer.WriteAttributeString('required', ([string][bool]$Binding.Mandatory).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ([string][bool]$meta.IsArray).ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', ([string][bool]$meta.Wildcards).ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $Writer.WriteAttributeString('position', $(if ($null -ne $Binding.Position) { [string]$Binding.Position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($meta.Aliases) { $meta.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $Maml, $meta.Name)
    Write-Paragraphs $Writer 'description' $Maml $Help.Paragraphs
    if ($InSyntax -and $meta.ValidValues) {
        $Writer.WriteStartElement('parameterValueGroup', $Command)
        foreach ($value in $meta.ValidValues) {
            $Writer.WriteStartElement('parameterValue', $Command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    elseif (-not $meta.IsSwitch) {
        $Writer.WriteStartElement('parameterValue', $Command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', ([string][bool]$meta.IsArray).ToLowerInvariant())
        $Writer.WriteString($meta.TypeName)
        $Writer.WriteEndElement()
    }
    Write-TypeElement $Writer $meta.Type
    $Writer.WriteElementString('defaultValue', $Dev, $Help.Default)
    $Writer.WriteEndElement()
}

function Get-SyntaxOrder($Set, $Parameters) {
    <# PowerShell's own order: positional by position, then mandatory named, then the rest. #>
    $own = @($Set.Parameters | Where-Object { $Parameters.Contains($_.Name) })
    @($own | Where-Object { $null -ne $_.Position } | Sort-Object Position) +
    @($own | Where-Object { $null -eq $_.Position -and $_.Mandatory }) +
    @($own | Where-Object { $null -eq $_.Position -and -not $_.Mandatory })
}

function Write-CommandHelp([System.Xml.XmlWriter] $Writer, $Help) {
    $meta = $Help.Metadata
    $Writer.WriteStartElement('command', 'command', $Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $Maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $Dev)

    $Writer.WriteStartElement('details', $Command)
    $Writer.WriteElementString('name', $Command, $meta.Name)
    $Writer.WriteElementString('verb', $Command, $meta.Verb)
    $Writer.WriteElementString('noun', $Command, $meta.Noun)
    Write-Paragraphs $Writer 'description' $Maml $Help.SYNOPSIS
    $Writer.WriteEndElement()
    Write-Paragraphs $Writer 'description' $Maml $Help.DESCRIPTION

    $Writer.WriteStartElement('syntax', $Command)
    $sets = @($meta.ParameterSets | Sort-Object { -not $_.IsDefault }, Name)
    foreach ($set in $sets) {
        $Writer.WriteStartElement('syntaxItem', $Command)
        $Writer.WriteElementString('name', $Maml, $meta.Name)
        foreach ($binding in Get-SyntaxOrder $set $Help.Parameters) {
            Write-Parameter $Writer $Help.Parameters[$binding.Name] $binding -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # The parameters section lists each parameter once: required when it is mandatory in every set that has it,
    # pipeline input from any set, and the position it has in the first (default) set.
    $Writer.WriteStartElement('parameters', $Command)
    foreach ($parameter in $Help.Parameters.Values) {
        $bindings = @($sets | ForEach-Object { $_.Parameters } | Where-Object Name -eq $parameter.Metadata.Name)
        $merged = [ordered]@{
            Mandatory      = -not ($bindings.Mandatory -contains $false)
            Position       = $bindings[0].Position
            ByValue        = $bindings.ByValue -contains $true
            ByPropertyName = $bindings.ByPropertyName -contains $true
        }
        Write-Parameter $Writer $parameter $merged
    }
    $Writer.WriteEndElement()

    foreach ($kind in @{ List = 'inputTypes'; Item = 'inputType'; Entries = $Help.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Entries = $Help.Outputs }) {
        $Writer.WriteStartElement($kind.List, $Command)
        foreach ($entry in $kind.Entries) {
            $Writer.WriteStartElement($kind.Item, $Command)
            Write-TypeElement $Writer $entry.Type
            Write-Paragraphs $Writer 'description' $Maml $entry.Paragraphs
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if ($Help.Notes.Count -gt 0) {
        $Writer.WriteStartElement('alertSet', $Maml)
        Write-Paragraphs $Writer 'alert' $Maml $Help.Notes
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('examples', $Command)
    $number = 0
    foreach ($example in $Help.Examples) {
        $number++
        $Writer.WriteStartElement('example', $Command)
        $Writer.WriteElementString('title', $Maml, "--------- Example ${number}: $($example.Title -replace '^Example \d+:\s*', '') ---------")
        $Writer.WriteElementString('code', $Dev, $example.Code)
        # The empty paragraph keeps a blank line between one example and the next in Get-Help's output.
        Write-Paragraphs $Writer 'remarks' $Dev (@($example.Remarks) + '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('relatedLinks', $Maml)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('navigationLink', $Maml)
        $Writer.WriteElementString('linkText', $Maml, $link.Text)
        $Writer.WriteElementString('uri', $Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile([string] $Path, $Commands) {
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $Commands) { Write-CommandHelp $writer $help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

function Build-ModuleHelp {
    <#
    .SYNOPSIS
    Writes <module>/<culture>/<assembly>-Help.xml for every cmdlet the module exports, and copies the about topics.
    .DESCRIPTION
    Throws one error listing every problem (a cmdlet without a help source, a parameter without text, too few
    examples, an output type not described, a section that documents something the cmdlet does not have).
    Common parameters need no text; -WhatIf and -Confirm get the standard text unless the source gives one.
    Shared parameter files (_<Name>.md) give the text of parameters that several cmdlets have.
    Help sources for cmdlets the module does not export are reported as warnings and skipped, so branches
    that add cmdlets can carry their help before the cmdlets are merged.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $SourcePath,
        [string] $Culture = 'en-US'
    )
    if (-not (Test-Path -LiteralPath $SourcePath -PathType Container)) { throw "The help source folder $SourcePath does not exist." }
    $problems = [System.Collections.Generic.List[string]]::new()
    $metadata = Get-CmdletMetadata -ModulePath $ModulePath
    $shared = @(Get-ChildItem -LiteralPath $SourcePath -Filter '_*.md' | Sort-Object Name | ForEach-Object {
            Read-SharedParameters -Path $_.FullName -Problems $problems
        })
    $helps = foreach ($cmdlet in $metadata) {
        $file = Join-Path $SourcePath "$($cmdlet.Name).md"
        if (-not (Test-Path -LiteralPath $file)) {
            $problems.Add("$($cmdlet.Name) is exported but has no help source: create $file (format: $(Join-Path $SourcePath 'README.md')).")
            continue
        }
        $source = Read-HelpSource -Path $file -Problems $problems
        Merge-CmdletHelp -Metadata $cmdlet -Source $source -File (Split-Path $file -Leaf) -Problems $problems -Shared $shared
    }
    foreach ($orphan in Get-ChildItem -LiteralPath $SourcePath -Filter '*-*.md' | Where-Object { $_.BaseName -notin $metadata.Name -and $_.Name -notlike '_*' }) {
        Write-Warning "Help source $($orphan.Name) is not used: the module does not export $($orphan.BaseName)."
    }
    foreach ($group in $shared | Where-Object { $_.UsedBy.Count -eq 0 }) {
        Write-Warning "Shared help $($group.File) is not used: no exported cmdlet has all of $(@($group.Parameters.Keys) -join ', ')."
    }
    if ($problems.Count -gt 0) {
        # One line per problem: the error view would reflow a long multi-line message into one paragraph.
        foreach ($problem in $problems) { Write-Host "  $problem" -ForegroundColor Red }
        throw "The help of $(Split-Path $ModulePath -LeafBase) is incomplete: $($problems.Count) problem(s) in $SourcePath, listed above (format: README.md there)."
    }

    $target = New-Item -ItemType Directory -Force (Join-Path (Split-Path $ModulePath) $Culture)
    # Get-Help looks for <implementing assembly>-Help.xml; every cmdlet of the module lives in one assembly.
    $helpFile = @($metadata.HelpFile | Sort-Object -Unique)
    if ($helpFile.Count -ne 1) { throw "The cmdlets of $(Split-Path $ModulePath -LeafBase) name $($helpFile.Count) help files ($($helpFile -join ', ')); expected one." }
    Write-MamlFile (Join-Path $target $helpFile[0]) $helps
    Copy-Item (Join-Path $SourcePath 'about_*.help.txt') $target
    Write-Host "Help for $(@($helps).Count) cmdlet(s) written to $target" 
}

Export-ModuleMember -Function Build-ModuleHelp
