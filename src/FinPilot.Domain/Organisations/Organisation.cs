using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Organisations;

/// <summary>
/// An institution known to the platform: an applicant (licensed or not), a partner technology
/// company, or an expert's employer. Its region decides which working group looks after it.
/// </summary>
public sealed class Organisation : IRegionScoped, IRecordsEvents
{
    public const int MaxNameLength = 200;
    public const int MaxContacts = 20;

    private readonly List<OrganisationContact> _contacts = [];
    private readonly EventLog _events = new();

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public OrganisationType Type { get; private set; }

    /// <summary>持牌: holds a financial licence, which a project's lead institution must.</summary>
    public bool Licensed { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;

    public int RegionId { get; private set; }

    public IReadOnlyList<OrganisationContact> Contacts => _contacts;

    /// <summary>Changed on every save so that two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public static Result<Organisation> Create(OrganisationDetails details, Guid id)
    {
        var organisation = new Organisation { Id = id };
        var result = organisation.Apply(details);
        if (!result.Succeeded)
        {
            return Result<Organisation>.Fail([.. result.Errors]);
        }

        organisation._events.Record(new OrganisationCreated());
        return organisation;
    }

    public Result Update(OrganisationDetails details)
    {
        var before = new OrganisationDetails(NameZh, NameEn, Type, Licensed, CreditCode, RegionId, [.. _contacts]);
        var result = Apply(details);
        if (result.Succeeded)
        {
            _events.Record(new OrganisationUpdated(before));
        }

        return result;
    }

    void IRecordsEvents.ClearEvents() => _events.Clear();

    private Result Apply(OrganisationDetails details)
    {
        var errors = new List<Error>();
        errors.AddRange(Text.Required(details.NameZh, nameof(NameZh), MaxNameLength));
        errors.AddRange(Text.Required(details.NameEn, nameof(NameEn), MaxNameLength));
        if (!Enum.IsDefined(details.Type))
        {
            errors.Add(new Error(OrganisationErrors.TypeInvalid, nameof(Type)));
        }

        if (details.RegionId <= 0)
        {
            errors.Add(new Error(Text.RequiredCode, nameof(RegionId)));
        }

        var code = UnifiedSocialCreditCode.Parse(details.CreditCode, nameof(CreditCode));
        errors.AddRange(code.Errors);
        var contacts = details.Contacts ?? [];
        if (contacts.Count > MaxContacts)
        {
            errors.Add(new Error(OrganisationErrors.TooManyContacts, nameof(Contacts), MaxContacts));
        }

        for (var i = 0; i < contacts.Count && i < MaxContacts; i++)
        {
            errors.AddRange(contacts[i].Validate($"{nameof(Contacts)}[{i}]"));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        NameZh = details.NameZh.Trim();
        NameEn = details.NameEn.Trim();
        Type = details.Type;
        Licensed = details.Licensed;
        CreditCode = code.Value!.Value;
        RegionId = details.RegionId;
        _contacts.Clear();
        _contacts.AddRange(contacts.Select(c => c.Normalised()));
        Version = Guid.NewGuid();
        return Result.Ok();
    }
}

/// <summary>The organisation was registered.</summary>
public sealed record OrganisationCreated : IDomainEvent;

/// <summary>The organisation's details were changed; <paramref name="Before"/> is what they were.</summary>
public sealed record OrganisationUpdated(OrganisationDetails Before) : IDomainEvent;

public sealed record OrganisationDetails(
    string NameZh,
    string NameEn,
    OrganisationType Type,
    bool Licensed,
    string CreditCode,
    int RegionId,
    IReadOnlyList<OrganisationContact>? Contacts = null);

/// <summary>A person the regulator can reach at the organisation.</summary>
public sealed record OrganisationContact(string Name, string? Title, string? Phone, string? Email)
{
    public IEnumerable<Error> Validate(string field)
    {
        foreach (var error in Text.Required(Name, $"{field}.Name", 100))
        {
            yield return error;
        }

        foreach (var error in Text.Optional(Title, $"{field}.Title", 100).Concat(Text.Optional(Phone, $"{field}.Phone", 40)))
        {
            yield return error;
        }

        foreach (var error in Text.OptionalEmail(Email, $"{field}.Email"))
        {
            yield return error;
        }
    }

    public OrganisationContact Normalised() => new(Name.Trim(), Text.Clean(Title), Text.Clean(Phone), Text.Clean(Email));
}

public static class OrganisationErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Organisation.NotFound");
    public static readonly ErrorCode TypeInvalid = ErrorCode.Validation("Organisation.TypeInvalid");
    public static readonly ErrorCode TooManyContacts = ErrorCode.Validation("Organisation.TooManyContacts");
    public static readonly ErrorCode CreditCodeTaken = ErrorCode.Validation("Organisation.CreditCodeTaken");
    public static readonly ErrorCode RegionUnknown = ErrorCode.Validation("Organisation.RegionUnknown");
    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Organisation.ChangedByAnother");
}
