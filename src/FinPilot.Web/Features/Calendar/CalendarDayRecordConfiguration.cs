using FinPilot.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Calendar;

internal sealed class CalendarDayRecordConfiguration : IEntityTypeConfiguration<CalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<CalendarDayRecord> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Id);
        builder.Ignore(d => d.Day);
        builder.HasIndex(d => d.Date).IsUnique();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
    }
}
