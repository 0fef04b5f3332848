using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support.Sandbox;

namespace FlexMail.Tests.Support;

/// <summary>Signing in to the portal over HTTP the way a browser does, through the sandbox tenant's sign-in page.</summary>
public static class PortalSessions
{
    /// <summary>
    /// Opens <paramref name="page"/> at <paramref name="portalAddress"/> (default: the portal's HTTPS address), follows
    /// the redirect to sign in, picks <paramref name="user"/>, and posts the answer back as the sandbox's form_post page
    /// does. Returns the client, whose cookies now hold the session for that host.
    /// </summary>
    public static async Task<SandboxSignIn> SignInAsync(this KestrelPortal portal, SandboxUser user, string page = "/", Uri? portalAddress = null)
    {
        var browser = new SandboxSignIn(portal);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var challenge = await browser.GetAsync(new Uri(portalAddress ?? portal.HttpsAddress, page));
        var authorize = challenge.Location ?? throw new InvalidOperationException($"{page} did not send an anonymous browser to sign in: {challenge.Status}");
        var answer = await browser.SubmitAsync(await browser.OpenAsync(authorize), "Sign in", user.Id);
        var formPost = answer.Page ?? throw new InvalidOperationException($"Sign-in did not answer with the form_post page: {answer.Status} {answer.Location}");
        var back = await browser.SubmitAsync(formPost, "Submit");
        if (back.Location is null)
        {
            browser.Dispose();
            throw new InvalidOperationException($"The portal did not accept the sign-in: {back.Status} {back.Page?.Text}");
        }
        return browser;
    }

    /// <summary>
    /// Signs in as <paramref name="user"/> (default: Megan Bowen, the sandbox's Admin) at <c>https://localhost:{port}</c>,
    /// the host the Authorize callback returns to (its cookies are per host).
    /// </summary>
    public static Task<SandboxSignIn> SignInAtLocalhostAsync(this KestrelPortal portal, SandboxUser? user = null) =>
        portal.SignInAsync(user ?? Portal.Sandbox.SandboxSeed.MeganBowen, portalAddress: new Uri($"https://localhost:{portal.HttpsAddress.Port}/"));
}
