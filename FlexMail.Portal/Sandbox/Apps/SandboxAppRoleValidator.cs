namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>The admin center's rules for a new app role and for an Application ID URI.</summary>
public static class SandboxAppRoleValidator
{
    public const string DisplayNameField = "Display name";
    public const string ValueField = "Value";
    public const string DescriptionField = "Description";
    public const string MemberTypesField = "Allowed member types";
    public const string IdentifierUriField = "Application ID URI";

    /// <summary>The first rule the role breaks among the app's existing roles, or null when it may be added.</summary>
    public static Problem? Check(SandboxAppRole role, IEnumerable<SandboxAppRole> existing)
    {
        if (string.IsNullOrWhiteSpace(role.DisplayName))
        {
            return new Problem("DisplayNameRequired", "Display name is required.", Field: DisplayNameField);
        }
        if (string.IsNullOrWhiteSpace(role.Value))
        {
            return new Problem("ValueRequired", "Value is required: it is what the roles claim carries.", Field: ValueField);
        }
        if (role.Value.Any(char.IsWhiteSpace))
        {
            return new Problem("ValueHasSpaces", $"The value \"{role.Value}\" contains spaces.", "Use a value without spaces, e.g. FlexMail.Admin.", ValueField);
        }
        if (existing.Any(r => string.Equals(r.Value, role.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return new Problem("ValueTaken", $"The app already has a role with the value {role.Value}.", "Choose another value.", ValueField);
        }
        if (string.IsNullOrWhiteSpace(role.Description))
        {
            return new Problem("DescriptionRequired", "Description is required: consent and assignment pages show it.", Field: DescriptionField);
        }
        return role.AllowedMemberTypes == SandboxAppRoleMemberTypes.None
            ? new Problem("MemberTypesRequired", "Choose who the role is for: Users/Groups, Applications or both.", Field: MemberTypesField)
            : null;
    }

    /// <summary>An Application ID URI is an absolute <c>api://</c> or <c>https://</c> URI without a fragment or a scope.</summary>
    public static Problem? CheckIdentifierUri(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("api" or "https"))
        {
            return new Problem("IdentifierUriInvalid", $"\"{value.Trim()}\" is not an Application ID URI.",
                "Use the form api://{client id}, or an https:// address.", IdentifierUriField);
        }
        if (uri.Fragment.Length > 0 || value.TrimEnd('/').EndsWith("/.default", StringComparison.OrdinalIgnoreCase))
        {
            return new Problem("IdentifierUriInvalid", $"\"{value.Trim()}\" must not contain a #fragment or a scope such as /.default.",
                "Enter the URI alone; clients add /.default when they ask for a token.", IdentifierUriField);
        }
        return null;
    }
}
