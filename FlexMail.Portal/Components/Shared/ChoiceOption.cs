namespace FlexMail.Portal.Components.Shared;

/// <summary>One entry of a picker: the stored id and what the admin reads.</summary>
public sealed record ChoiceOption(Guid Id, string Text);
