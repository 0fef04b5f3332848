namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// A setup made for a real Microsoft tenant (not the sandbox), which a quick setup would replace: each item names one
/// thing that would be replaced, in plain words.
/// </summary>
public sealed record RealSetup(IReadOnlyList<string> Replaced)
{
    /// <summary>The confirmation's sentence: what will be replaced.</summary>
    public string Describe() => $"This replaces {string.Join("; ", Replaced)}.";
}
