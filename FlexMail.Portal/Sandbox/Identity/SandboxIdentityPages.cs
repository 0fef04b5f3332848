using System.Text;
using System.Text.Encodings.Web;
using FlexMail.Portal.Sandbox.Directory;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>A hidden field of a sandbox sign-in form.</summary>
public sealed record HiddenField(string Name, string Value);

/// <summary>One way out of a sandbox error page: what to do, and a link to the page where it is done.</summary>
public sealed record ErrorPageFix(string Text, string LinkText, string Href);

/// <summary>
/// The server-rendered pages of the sandbox's sign-in: account chooser, consent, admin consent, errors and the
/// <c>form_post</c> response. Plain HTML forms, every field labelled, every action a button named by its text.
/// </summary>
public static class SandboxIdentityPages
{
    public const string Heading = "Sign in to " + SandboxTenant.DisplayName;

    /// <summary>The one inline script of the sandbox's pages (the <c>form_post</c> page's); the CSP allows it by its hash.</summary>
    public const string FormPostScript = "document.forms[0].submit();";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    public static string SignIn(string appName, IEnumerable<SandboxUser> users, Guid? selected, IEnumerable<HiddenField> hidden, string? problem)
    {
        var body = new StringBuilder()
            .Append($"<h1>{E(Heading)}</h1><p><strong>{E(appName)}</strong> wants you to sign in.</p>")
            .Append(problem is null ? "" : $"<p role=\"alert\">{E(problem)}</p>")
            .Append("<form method=\"post\"><fieldset><legend>Pick an account</legend>");
        foreach (var user in users)
        {
            var id = $"user-{user.Id}";
            body.Append($"<div><input type=\"radio\" id=\"{id}\" name=\"user\" value=\"{user.Id}\"{(user.Id == selected ? " checked" : "")}>")
                .Append($" <label for=\"{id}\">{E(user.DisplayName)} ({E(user.UserPrincipalName)})</label></div>");
        }
        body.Append("</fieldset>").Append(Hidden(hidden))
            .Append("<button type=\"submit\" name=\"action\" value=\"sign-in\">Sign in</button></form>")
            .Append("<p>Shared mailboxes are not listed: nobody signs in as a shared mailbox.</p>");
        return Layout(Heading, body.ToString());
    }

    public static string Consent(string appName, SandboxUser user, IEnumerable<string> scopes, IEnumerable<HiddenField> hidden) =>
        Layout("Permissions requested", new StringBuilder()
            .Append($"<h1>Permissions requested</h1><p>Signed in as {E(user.DisplayName)} ({E(user.UserPrincipalName)})</p>")
            .Append($"<p><strong>{E(appName)}</strong> needs permission to:</p><ul>")
            .AppendJoin("", scopes.Select(scope => $"<li>{E(scope)}</li>"))
            .Append("</ul><form method=\"post\">").Append(Hidden(hidden))
            .Append("<button type=\"submit\" name=\"action\" value=\"accept\">Accept</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>")
            .ToString());

    public static string AdminConsent(string appName, IEnumerable<string> delegated, IEnumerable<string> application,
        IEnumerable<SandboxUser> admins, IEnumerable<HiddenField> hidden)
    {
        var body = new StringBuilder()
            .Append($"<h1>Permissions requested</h1><p>Accept for your organization: <strong>{E(appName)}</strong> needs permission to:</p>")
            .Append(PermissionSection("Delegated permissions", delegated))
            .Append(PermissionSection("Application permissions", application))
            .Append("<form method=\"post\"><fieldset><legend>Consent as administrator</legend>");
        var first = true;
        foreach (var admin in admins)
        {
            var id = $"admin-{admin.Id}";
            body.Append($"<div><input type=\"radio\" id=\"{id}\" name=\"user\" value=\"{admin.Id}\"{(first ? " checked" : "")}>")
                .Append($" <label for=\"{id}\">{E(admin.DisplayName)} ({E(admin.UserPrincipalName)})</label></div>");
            first = false;
        }
        body.Append("</fieldset>").Append(Hidden(hidden))
            .Append("<button type=\"submit\" name=\"action\" value=\"accept\">Accept</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
        return Layout("Permissions requested", body.ToString());
    }

    /// <param name="fixes">The sandbox's own help under Entra's message (links back to FlexMail and the app registration); none on Entra's pages.</param>
    public static string Error(EntraError error, EntraResponses.Trace trace, IReadOnlyList<ErrorPageFix>? fixes = null)
    {
        var body = new StringBuilder()
            .Append($"<h1>{E(Heading)}</h1><p>Sorry, but we're having trouble signing you in.</p>")
            .Append($"<p role=\"alert\">AADSTS{error.Code}: {E(error.Message)}</p>");
        if (fixes is { Count: > 0 })
        {
            body.Append("<h2>How to fix it</h2><ul>")
                .AppendJoin("", fixes.Select(fix => $"<li>{E(fix.Text)} <a href=\"{E(fix.Href)}\">{E(fix.LinkText)}</a></li>"))
                .Append("</ul>");
        }
        body.Append($"<dl><dt>Request Id</dt><dd>{E(trace.TraceId)}</dd><dt>Correlation Id</dt><dd>{E(trace.CorrelationId)}</dd>")
            .Append($"<dt>Timestamp</dt><dd>{E(trace.Timestamp)}</dd></dl>");
        return Layout("Sign in", body.ToString());
    }

    /// <summary><c>response_mode=form_post</c>: a form that posts the response to the redirect URI.</summary>
    public static string FormPost(string redirectUri, IReadOnlyDictionary<string, string?> parameters) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><title>Working...</title></head><body>")
        .Append($"<form method=\"POST\" name=\"hiddenform\" action=\"{E(redirectUri)}\">")
        .Append(Hidden(parameters.Where(p => p.Value is not null).Select(p => new HiddenField(p.Key, p.Value!))))
        .Append("<noscript><p>Script is disabled. Click Submit to continue.</p><button type=\"submit\">Submit</button></noscript></form>")
        .Append($"<script>{FormPostScript}</script></body></html>")
        .ToString();

    /// <param name="note">The sandbox's own explanation under Entra's text (why it did not send the browser back), if any.</param>
    public static string SignedOut(string? note = null) => Layout("Signed out",
        "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>" +
        (note is null ? "" : $"<p role=\"note\">{E(note)}</p>"));

    /// <summary>A heading and its list; nothing at all when the list is empty (no heading over nothing).</summary>
    private static string PermissionSection(string heading, IEnumerable<string> permissions)
    {
        var items = permissions.ToList();
        return items.Count == 0 ? "" : $"<h2>{E(heading)}</h2><ul>{string.Concat(items.Select(p => $"<li>{E(p)}</li>"))}</ul>";
    }

    private static string Hidden(IEnumerable<HiddenField> fields) =>
        string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{E(f.Name)}\" value=\"{E(f.Value)}\">"));

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)} - {E(SandboxTenant.DisplayName)}</title><style>body{{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}}" +
        "fieldset{border:1px solid #ccc;padding:1rem}div{margin:.4rem 0}button{padding:.5rem 1.2rem;margin-top:1rem}</style></head>" +
        $"<body><main>{body}</main></body></html>";

    private static string E(string value) => Encoder.Encode(value);
}
