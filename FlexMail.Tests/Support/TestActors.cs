using FlexMail.Domain.Audit;
using FlexMail.Portal.Sandbox;

namespace FlexMail.Tests.Support;

/// <summary>The people tests act as: the sandbox's seeded Admin.</summary>
public static class TestActors
{
    public static readonly Actor Admin = new(SandboxSeed.MeganBowen.DisplayName, SandboxSeed.MeganBowen.Id.ToString());
}
