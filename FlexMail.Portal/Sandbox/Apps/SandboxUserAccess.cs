namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// What a user may do with an app at sign-in: whether they may sign in at all (not when the app requires assignment and
/// they hold none: AADSTS50105), and the values of the roles they hold, for the id token's <c>roles</c> claim.
/// </summary>
public sealed record SandboxUserAccess(bool MaySignIn, IReadOnlyList<string> Roles);
