using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlexMail.Portal.Sandbox.Persistence;

/// <summary>Stores a small value object (or a list of them) as one JSON text column.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() =>
        new(value => JsonSerializer.Serialize(value, Options), json => JsonSerializer.Deserialize<T>(json, Options)!);

    public static ValueComparer<List<T>> Comparer<T>() =>
        new((left, right) => left!.SequenceEqual(right!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), list => list.ToList());
}
