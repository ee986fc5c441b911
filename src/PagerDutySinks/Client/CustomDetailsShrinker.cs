using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Client;

/// <summary>
/// Makes <c>custom_details</c> smaller so an event fits PagerDuty's size limit: the largest members go first (a large
/// string is shortened rather than dropped when that is enough), and a <c>_truncated</c> note says what happened.
/// </summary>
internal static class CustomDetailsShrinker
{
    /// <summary>The member that records the reduction inside the event.</summary>
    public const string NoteName = "_truncated";

    // Room kept for the note itself.
    private const int NoteReserve = 1024;
    private const int MaxNamesListed = 10;

    // Below this, a shortened string says too little to be worth keeping.
    private const int MinUsefulStringBytes = 256;

    /// <summary>Returns a copy of <paramref name="details"/> about <paramref name="bytesToFree"/> bytes smaller, with a note; the input is not changed.</summary>
    public static JsonObject Shrink(JsonObject details, int bytesToFree, string limitName)
    {
        var originalBytes = JsonSize.Of(details);
        var budget = originalBytes - bytesToFree - NoteReserve;

        var members = details
            .Where(m => m.Key != NoteName)
            .Select(m => (m.Key, m.Value, Bytes: JsonSize.OfMember(m.Key, m.Value)))
            .ToList();
        var total = members.Sum(m => m.Bytes) + 2;

        var removed = new List<string>();
        var shortened = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var member in members.OrderByDescending(m => m.Bytes))
        {
            if (total <= budget)
            {
                break;
            }

            var excess = total - budget;
            if (member.Value is JsonValue value && value.TryGetValue<string>(out var text) && member.Bytes - excess >= MinUsefulStringBytes)
            {
                var cut = ShortenToBytes(member.Key, text, member.Bytes - excess);
                shortened[member.Key] = JsonValue.Create(cut)!;
                total += JsonSize.OfMember(member.Key, shortened[member.Key]) - member.Bytes;
                continue;
            }

            removed.Add(member.Key);
            total -= member.Bytes;
        }

        var result = new JsonObject();
        foreach (var member in members)
        {
            if (shortened.TryGetValue(member.Key, out var cutValue))
            {
                result[member.Key] = cutValue;
            }
            else if (!removed.Contains(member.Key))
            {
                result[member.Key] = member.Value?.DeepClone();
            }
        }

        var reducedBytes = JsonSize.Of(result);
        result[NoteName] = Describe(originalBytes, reducedBytes, limitName, removed, shortened.Keys);
        return result;
    }

    private static string Describe(int originalBytes, int reducedBytes, string limitName, List<string> removed, IEnumerable<string> shortened)
    {
        var note = string.Format(CultureInfo.InvariantCulture,
            "custom_details reduced from {0} to {1} bytes to fit PagerDuty's {2} limit", originalBytes, reducedBytes, limitName);
        if (removed.Count > 0)
        {
            note += "; removed: " + ListNames(removed);
        }

        var shortenedList = shortened.ToList();
        if (shortenedList.Count > 0)
        {
            note += "; shortened: " + ListNames(shortenedList);
        }

        return note;
    }

    private static string ListNames(List<string> names)
    {
        var shown = string.Join(", ", names.Take(MaxNamesListed).Select(n => EventLimits.Truncate(n, 64)));
        return names.Count > MaxNamesListed
            ? shown + string.Format(CultureInfo.InvariantCulture, " and {0} more", names.Count - MaxNamesListed)
            : shown;
    }

    // Escaping makes bytes per character vary, so shrink by the measured ratio until the member fits.
    private static string ShortenToBytes(string name, string text, int targetMemberBytes)
    {
        var length = text.Length;
        while (length > 1)
        {
            var candidate = EventLimits.Truncate(text, length);
            var bytes = JsonSize.OfMember(name, JsonValue.Create(candidate));
            if (bytes <= targetMemberBytes)
            {
                return candidate;
            }

            var ratio = (double)targetMemberBytes / bytes;
            length = Math.Min(length - 1, (int)(length * ratio * 0.98));
        }

        return EventLimits.Ellipsis.ToString();
    }
}
