using System.ComponentModel.DataAnnotations;

namespace FlexMail.Portal.Live;

/// <summary>How the Live Inbox follows processing (section <c>FlexMail:LiveInbox</c>).</summary>
public sealed class LiveInboxOptions
{
    public const string SectionName = "FlexMail:LiveInbox";

    /// <summary>
    /// How often each instance reads the processing-events table while somebody watches. Replies this instance's monitor
    /// processes wake it at once; this bounds how late another instance's show up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long processing events are kept (they are a feed, not a history).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(1);
}
