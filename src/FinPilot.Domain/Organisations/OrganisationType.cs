namespace FinPilot.Domain.Organisations;

/// <summary>Kinds of applicant organisation named by the pilot rules (DESIGN.md, "Who uses it").</summary>
public enum OrganisationType
{
    MarketCoreInstitution = 1,
    SecuritiesFirm = 2,
    FundManager = 3,
    FuturesFirm = 4,
    SecuritiesFuturesServiceInstitution = 5,
    RegionalEquityMarket = 6,
    TechnologyCompany = 7,
    Other = 8,
}
