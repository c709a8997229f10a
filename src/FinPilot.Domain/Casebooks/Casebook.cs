using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;

namespace FinPilot.Domain.Casebooks;

/// <summary>Who composes a casebook: a region's working group, or the national level across regions.</summary>
public enum CasebookScope
{
    /// <summary>One region's casebook, composed by its working group.</summary>
    Region = 1,

    /// <summary>The national casebook, composed by the coordination group or the national secretariat.</summary>
    National = 2,
}

public enum CasebookStatus
{
    Draft = 1,

    /// <summary>Public, with its files and its ledger record; never edited again (a correction is a new edition).</summary>
    Published = 2,
}

/// <summary>
/// One selected case: an exited, tiered pilot, the working group's editorial text (经验与启示,
/// 典型做法; Chinese required before publication, English optional) and the fields it publishes.
/// </summary>
public sealed record CasebookCase
{
    public Guid ProjectId { get; init; }

    /// <summary>The confirmed tier when selected; exemplary cases come first.</summary>
    public ExitTier Tier { get; init; }

    public string LessonsZh { get; init; } = string.Empty;

    public string? LessonsEn { get; init; }

    public string PracticesZh { get; init; } = string.Empty;

    public string? PracticesEn { get; init; }

    /// <summary>The fields assembled into the public case; every other field is left out of it.</summary>
    public IReadOnlyList<CaseField> Published { get; init; } = CaseFields.PublicByDefault;

    public bool Publishes(CaseField field) => Published.Contains(field);
}

/// <summary>
/// 案例集: a casebook of exited pilots for a batch or a period, composed as a draft and published
/// once. The files and the ledger record are made at publication by the web layer from the public
/// model; this aggregate keeps the selection, the editorial text, the per-field policy and the files'
/// hashes, and refuses every change after publication.
/// </summary>
public sealed class Casebook : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxPeriodLength = 100;
    public const int MaxEditorialLength = 4000;
    public const int MaxCases = 60;
    public const int MaxActorLength = 450;

    private readonly EventLog _events = new();

    private Casebook()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public CasebookScope Scope { get; private set; }

    /// <summary>The region of a regional casebook; null for the national one.</summary>
    public int? RegionId { get; private set; }

    public string TitleZh { get; private set; } = string.Empty;

    public string? TitleEn { get; private set; }

    /// <summary>The batch or period it covers, as the working group names it (首批, 2021–2023).</summary>
    public string Period { get; private set; } = string.Empty;

    public int Edition { get; private set; } = 1;

    /// <summary>The published edition this one supersedes (its next edition); null for a first edition.</summary>
    public Guid? SupersedesId { get; private set; }

    public CasebookStatus Status { get; private set; }

    public IReadOnlyList<CasebookCase> Cases { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of the PDF stored at publication; also its name in the file store.</summary>
    public string? PdfSha256 { get; private set; }

    public string? DocxSha256 { get; private set; }

    public Guid Version { get; private set; }

    public bool IsPublished => Status == CasebookStatus.Published;

    public static Result<Casebook> Create(
        CasebookScope scope, int? regionId, string titleZh, string? titleEn, string period, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = new List<Error>();
        if (!Enum.IsDefined(scope) || (scope == CasebookScope.Region) != regionId.HasValue)
        {
            errors.Add(new Error(CasebookErrors.ScopeInvalid, nameof(RegionId)));
        }

        errors.AddRange(Text.Required(titleZh, nameof(TitleZh), MaxTitleLength));
        errors.AddRange(Text.Optional(titleEn, nameof(TitleEn), MaxTitleLength));
        errors.AddRange(Text.Required(period, nameof(Period), MaxPeriodLength));
        if (errors.Count > 0)
        {
            return Result<Casebook>.Fail([.. errors]);
        }

        var casebook = new Casebook
        {
            Id = Guid.CreateVersion7(now),
            Scope = scope,
            RegionId = regionId,
            TitleZh = titleZh.Trim(),
            TitleEn = Text.Clean(titleEn),
            Period = period.Trim(),
            Status = CasebookStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        casebook._events.Record(new CasebookCreated(scope, regionId));
        return casebook;
    }

    /// <summary>
    /// A new edition of a published casebook: a draft of the same scope, titles and period, numbered one higher, that
    /// supersedes it and starts from its cases, editorial text and per-field policy. The old edition stays as published.
    /// </summary>
    public static Result<Casebook> NewEdition(Casebook previous, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!previous.IsPublished)
        {
            return new Error(CasebookErrors.NotPublished);
        }

        var edition = new Casebook
        {
            Id = Guid.CreateVersion7(now),
            Scope = previous.Scope,
            RegionId = previous.RegionId,
            TitleZh = previous.TitleZh,
            TitleEn = previous.TitleEn,
            Period = previous.Period,
            Edition = previous.Edition + 1,
            SupersedesId = previous.Id,
            Status = CasebookStatus.Draft,
            Cases = [.. previous.Cases],
            CreatedAt = now,
            CreatedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        edition._events.Record(new CasebookEditionStarted(previous.Id, previous.Edition, edition.Edition));
        return edition;
    }

    /// <summary>Renames the draft.</summary>
    public Result Rename(string titleZh, string? titleEn, string period)
    {
        if (IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        var errors = Text.Required(titleZh, nameof(TitleZh), MaxTitleLength)
            .Concat(Text.Optional(titleEn, nameof(TitleEn), MaxTitleLength))
            .Concat(Text.Required(period, nameof(Period), MaxPeriodLength)).ToList();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        (TitleZh, TitleEn, Period) = (titleZh.Trim(), Text.Clean(titleEn), period.Trim());
        Touch(new CasebookRenamed());
        return Result.Ok();
    }

    /// <summary>
    /// Selects an exited pilot with its confirmed tier (the caller checks it exited and lies in scope);
    /// the order keeps exemplary cases first, then by tier, then in the order selected.
    /// </summary>
    public Result Select(Guid projectId, ExitTier tier)
    {
        if (IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        if (Cases.Any(c => c.ProjectId == projectId))
        {
            return new Error(CasebookErrors.CaseAlreadySelected, "ProjectId");
        }

        if (Cases.Count >= MaxCases)
        {
            return new Error(CasebookErrors.TooManyCases, null, MaxCases);
        }

        if (!Enum.IsDefined(tier))
        {
            return new Error(CasebookErrors.CaseNotEligible, "ProjectId");
        }

        Cases = [.. Cases.Append(new CasebookCase { ProjectId = projectId, Tier = tier }).Select((c, i) => (c, i)).OrderBy(x => x.c.Tier).ThenBy(x => x.i).Select(x => x.c)];
        Touch(new CasebookCaseSelected(projectId, tier));
        return Result.Ok();
    }

    public Result Remove(Guid projectId)
    {
        if (IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        if (!Cases.Any(c => c.ProjectId == projectId))
        {
            return new Error(CasebookErrors.CaseNotFound);
        }

        Cases = [.. Cases.Where(c => c.ProjectId != projectId)];
        Touch(new CasebookCaseRemoved(projectId));
        return Result.Ok();
    }

    /// <summary>The working group's editorial text of a case; the Chinese may be left blank in a draft but not at publication.</summary>
    public Result WriteEditorial(Guid projectId, string? lessonsZh, string? lessonsEn, string? practicesZh, string? practicesEn)
    {
        var found = Find(projectId);
        if (!found.Succeeded)
        {
            return Result.Fail(found.Errors);
        }

        var errors = Text.Optional(lessonsZh, "LessonsZh", MaxEditorialLength)
            .Concat(Text.Optional(lessonsEn, "LessonsEn", MaxEditorialLength))
            .Concat(Text.Optional(practicesZh, "PracticesZh", MaxEditorialLength))
            .Concat(Text.Optional(practicesEn, "PracticesEn", MaxEditorialLength)).ToList();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Replace(found.Value with
        {
            LessonsZh = Text.Clean(lessonsZh) ?? string.Empty,
            LessonsEn = Text.Clean(lessonsEn),
            PracticesZh = Text.Clean(practicesZh) ?? string.Empty,
            PracticesEn = Text.Clean(practicesEn),
        });
        Touch(new CasebookEditorialWritten(projectId));
        return Result.Ok();
    }

    /// <summary>Sets which fields of a case are public; every other field is withheld.</summary>
    public Result SetPolicy(Guid projectId, IReadOnlyCollection<CaseField> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var found = Find(projectId);
        if (!found.Succeeded)
        {
            return Result.Fail(found.Errors);
        }

        if (published.Any(f => !Enum.IsDefined(f)))
        {
            return new Error(CasebookErrors.FieldInvalid, "Published");
        }

        var fields = CaseFields.All.Where(published.Contains).ToList();
        Replace(found.Value with { Published = fields });
        Touch(new CasebookPolicySet(projectId, fields, [.. fields.Where(CaseFields.IsInternal)]));
        return Result.Ok();
    }

    /// <summary>What publication would refuse now: no case, or a case without its Chinese editorial text.</summary>
    public IReadOnlyList<Error> PublicationErrors()
    {
        if (Cases.Count == 0)
        {
            return [new Error(CasebookErrors.Empty)];
        }

        return [.. Cases.Where(c => c.LessonsZh.Length == 0 || c.PracticesZh.Length == 0)
            .Select(c => new Error(CasebookErrors.EditorialMissing, c.ProjectId.ToString()))];
    }

    /// <summary>Publishes once, with the hashes of the files the web layer generated from the public model and stored.</summary>
    public Result Publish(string pdfSha256, string docxSha256, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfSha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(docxSha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        var errors = PublicationErrors();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Status = CasebookStatus.Published;
        (PublishedAt, PublishedBy, PdfSha256, DocxSha256) = (now, actorUserId, pdfSha256, docxSha256);
        Touch(new CasebookPublished(pdfSha256, docxSha256, [.. Cases.Select(c => c.ProjectId)]));
        return Result.Ok();
    }

    private Result<CasebookCase> Find(Guid projectId)
    {
        if (IsPublished)
        {
            return new Error(CasebookErrors.AlreadyPublished);
        }

        return Cases.FirstOrDefault(c => c.ProjectId == projectId) is { } found ? found : new Error(CasebookErrors.CaseNotFound);
    }

    private void Replace(CasebookCase changed) => Cases = [.. Cases.Select(c => c.ProjectId == changed.ProjectId ? changed : c)];

    private void Touch(IDomainEvent recorded)
    {
        Version = Guid.NewGuid();
        _events.Record(recorded);
    }
}

public sealed record CasebookCreated(CasebookScope Scope, int? RegionId) : IDomainEvent;

public sealed record CasebookRenamed : IDomainEvent;

/// <summary>A new edition was started from the published edition <paramref name="PreviousId"/>.</summary>
public sealed record CasebookEditionStarted(Guid PreviousId, int PreviousEdition, int Edition) : IDomainEvent;

public sealed record CasebookCaseSelected(Guid ProjectId, ExitTier Tier) : IDomainEvent;

public sealed record CasebookCaseRemoved(Guid ProjectId) : IDomainEvent;

public sealed record CasebookEditorialWritten(Guid ProjectId) : IDomainEvent;

/// <summary>A case's policy set; <paramref name="InternalPublished"/> names the internal facts the working group chose to publish.</summary>
public sealed record CasebookPolicySet(Guid ProjectId, IReadOnlyList<CaseField> Published, IReadOnlyList<CaseField> InternalPublished) : IDomainEvent;

public sealed record CasebookPublished(string PdfSha256, string DocxSha256, IReadOnlyList<Guid> ProjectIds) : IDomainEvent;
