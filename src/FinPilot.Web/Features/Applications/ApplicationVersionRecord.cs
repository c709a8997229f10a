using System.Text.Json;
using FinPilot.Domain.Applications;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// One version of an application's content. The open version changes with every draft save; once
/// submitted it is frozen, and a supplement writes the next version beside it.
/// </summary>
public sealed class ApplicationVersionRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ApplicationVersionRecord()
    {
    }

    public Guid ProjectId { get; private set; }

    public int Number { get; private set; }

    public string FormJson { get; private set; } = "{}";

    public DateTimeOffset SavedAt { get; private set; }

    public string SavedBy { get; private set; } = string.Empty;

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Changed on every save; a save made against an older value is refused.</summary>
    public Guid Concurrency { get; private set; }

    public bool Frozen => SubmittedAt is not null;

    public ApplicationForm Form => JsonSerializer.Deserialize<ApplicationForm>(FormJson, Json) ?? new ApplicationForm();

    public static ApplicationVersionRecord Open(Guid projectId, int number, ApplicationForm form, DateTimeOffset now, string by) => new()
    {
        ProjectId = projectId,
        Number = number,
        FormJson = JsonSerializer.Serialize(form, Json),
        SavedAt = now,
        SavedBy = by,
        Concurrency = Guid.NewGuid(),
    };

    public void Save(ApplicationForm form, DateTimeOffset now, string by)
    {
        if (Frozen)
        {
            throw new InvalidOperationException("A submitted version is frozen.");
        }

        FormJson = JsonSerializer.Serialize(form, Json);
        SavedAt = now;
        SavedBy = by;
        Concurrency = Guid.NewGuid();
    }

    public void Freeze(DateTimeOffset now)
    {
        SubmittedAt ??= now;
        Concurrency = Guid.NewGuid();
    }
}
