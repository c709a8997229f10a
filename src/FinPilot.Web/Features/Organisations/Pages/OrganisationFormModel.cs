using FinPilot.Domain.Organisations;

namespace FinPilot.Web.Features.Organisations.Pages;

/// <summary>What the organisation form posts. Empty contact rows are ignored.</summary>
public sealed class OrganisationFormModel
{
    public const int ContactRows = 3;

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public OrganisationType? Type { get; set; }

    public bool Licensed { get; set; }

    public string CreditCode { get; set; } = string.Empty;

    public int? RegionId { get; set; }

    public Guid Version { get; set; }

    public List<ContactRow> Contacts { get; set; } = [];

    public static OrganisationFormModel From(Organisation o) => new OrganisationFormModel
    {
        NameZh = o.NameZh,
        NameEn = o.NameEn,
        Type = o.Type,
        Licensed = o.Licensed,
        CreditCode = o.CreditCode,
        RegionId = o.RegionId,
        Version = o.Version,
        Contacts = o.Contacts.Select(c => new ContactRow { Name = c.Name, Title = c.Title, Phone = c.Phone, Email = c.Email }).ToList(),
    }.Padded();

    public OrganisationFormModel Padded()
    {
        while (Contacts.Count < ContactRows)
        {
            Contacts.Add(new ContactRow());
        }

        return this;
    }

    public OrganisationDetails ToDetails() => new(
        NameZh,
        NameEn,
        Type ?? 0,
        Licensed,
        CreditCode,
        RegionId ?? 0,
        Contacts.Where(c => !c.IsEmpty).Select(c => new OrganisationContact(c.Name ?? string.Empty, c.Title, c.Phone, c.Email)).ToList());

    /// <summary>Which posted row a domain error such as "Contacts[1].Email" belongs to.</summary>
    public Microsoft.AspNetCore.Components.Forms.FieldIdentifier? Field(string name)
    {
        if (!name.StartsWith("Contacts[", StringComparison.Ordinal))
        {
            return null;
        }

        var close = name.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(name[9..close], System.Globalization.CultureInfo.InvariantCulture);
        var filled = Contacts.Where(c => !c.IsEmpty).ToList();
        return index < filled.Count ? new(filled[index], name[(close + 2)..]) : null;
    }

    public sealed class ContactRow
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Title)
            && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
    }
}
