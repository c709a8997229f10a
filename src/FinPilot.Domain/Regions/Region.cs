using FinPilot.Domain.Common;

namespace FinPilot.Domain.Regions;

/// <summary>A pilot region (北京, 上海, …) whose working group runs its own calls and supervision.</summary>
public sealed class Region : IRecordsEvents
{
    public const int MaxNameLength = 100;

    private readonly EventLog _events = new();

    private Region()
    {
    }

    public int Id { get; private set; }

    /// <summary>Short stable code used in addresses and feeds, e.g. "BJ".</summary>
    public string Code { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Approval date as a pilot region (reference fact, shown on public pages).</summary>
    public DateOnly? ApprovedOn { get; private set; }

    public bool Active { get; private set; } = true;

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public static Result<Region> Create(string code, string nameZh, string nameEn, DateOnly? approvedOn)
    {
        var region = new Region();
        var result = region.Apply(code, nameZh, nameEn, approvedOn, active: true);
        if (!result.Succeeded)
        {
            return Result<Region>.Fail([.. result.Errors]);
        }

        region._events.Record(new RegionCreated());
        return region;
    }

    public Result Update(string code, string nameZh, string nameEn, DateOnly? approvedOn, bool active)
    {
        var result = Apply(code, nameZh, nameEn, approvedOn, active);
        if (result.Succeeded)
        {
            _events.Record(new RegionUpdated());
        }

        return result;
    }

    void IRecordsEvents.ClearEvents() => _events.Clear();

    private Result Apply(string code, string nameZh, string nameEn, DateOnly? approvedOn, bool active)
    {
        var errors = new List<Error>();
        code = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 8 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(new Error(RegionErrors.CodeInvalid, nameof(Code)));
        }

        errors.AddRange(Text.Required(nameZh, nameof(NameZh), MaxNameLength));
        errors.AddRange(Text.Required(nameEn, nameof(NameEn), MaxNameLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Code = code;
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        ApprovedOn = approvedOn;
        Active = active;
        return Result.Ok();
    }
}

/// <summary>The region was added (its id is known once saved).</summary>
public sealed record RegionCreated : IDomainEvent;

/// <summary>The region's code, names, approval date or activity changed.</summary>
public sealed record RegionUpdated : IDomainEvent;

public static class RegionErrors
{
    public static readonly ErrorCode CodeInvalid = ErrorCode.Validation("Region.CodeInvalid");
    public static readonly ErrorCode CodeTaken = ErrorCode.Validation("Region.CodeTaken");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Region.NotFound");
}
