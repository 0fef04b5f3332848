namespace FlexMail.Domain.Audit;

/// <summary>
/// Who did something: the signed-in person (display name and Entra object id), or FlexMail itself
/// (<see cref="System"/>) for what no person asked for, such as a migration at start.
/// </summary>
/// <param name="Name">The person's display name (or user name when the identity provider sends no display name).</param>
/// <param name="ObjectId">The person's object id (<c>oid</c>) in their tenant; null for FlexMail itself.</param>
public sealed record Actor(string Name, string? ObjectId)
{
    public static readonly Actor System = new("system", null);

    /// <summary>The name as the audit log shows it, with the object id when there is one.</summary>
    public override string ToString() => ObjectId is null ? Name : $"{Name} ({ObjectId})";
}
