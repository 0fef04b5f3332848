using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// The hash of the inline <c>&lt;script type="importmap"&gt;</c> that <c>&lt;ImportMap /&gt;</c> renders on a page: the
/// endpoint's <see cref="ImportMapDefinition"/> as JSON (its <c>ToString()</c>), exactly as the component writes it. It changes with every
/// build (the map names fingerprinted files), so it is computed, once per definition, never written down.
/// </summary>
internal static class ImportMapScriptHash
{
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> Hashes = [];

    /// <returns>The <c>'sha256-…'</c> source for the endpoint's import map, or null when it renders none.</returns>
    public static string? For(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ImportMapDefinition>() is { } definition
            ? Hashes.GetValue(definition, static map => ContentSecurityPolicy.Sha256Source(map.ToString()))
            : null;
}
