// datagen/clinic_generator.cc
//
// GenerateClinic and ClinicTruth: schemas, tables, data, then post-data,
// in the order pg_dump would restore them.

#include <algorithm>

#include <fmt/format.h>

#include "datagen/clinic_rows.h"
#include "datagen/clinic_schema.h"
#include "datagen/generator.h"
#include "datagen/table_writer.h"

namespace pgveil::datagen {
namespace {

constexpr TableWriter<ClinicContext> kWriters[] = {
    {"klinik", "patienten", WritePatienten},
    {"klinik", "faelle", WriteFaelle},
    {"klinik", "labor_proben", WriteLaborProben},
    {"klinik", "icd10_katalog", WriteIcdKatalog},
    {"klinik", "arzneimittel", WriteArzneimittel},
    {"klinik", "dokumente", WriteDokumente},
    {"personal", "stammdaten", WriteStammdaten},
    {"personal", "dienstplan", WriteDienstplan},
    {"medizintechnik", "geraete", WriteGeraete},
    {"betrieb", "konfiguration", WriteKonfiguration},
    {"rh", "salariés", WriteSalaries},
    {"clinica", "pacientes", WritePacientes},
    {"clinica", "citas", WriteCitas},
    {"telemedicina", "consultas", WriteConsultas},
    {"sube_ist", "hasta_kabul", WriteHastaKabul},
    {"人事", "職員", WriteShokuin},
    {"регистратура", "пациенты", WritePacienty},
    {"portal", "userAccounts", WritePortalUsers},
    {"schnittstelle", "hl7_nachrichten", WriteHl7Messages},
    {"staging", "legacy_import", WriteLegacyImport},
};

// personal.dienstplan: one partition per shift code plus DEFAULT.
Status CreateRosterPartitions(const TableSpec& table, Sink& sink) {
  const std::string parent = QualifiedName(table.schema, table.name);
  for (char shift : kDutyShifts) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(fmt::format(
        "CREATE TABLE {} PARTITION OF {} FOR VALUES IN ('{}')",
        QualifiedName(table.schema, fmt::format("{}_{}", table.name, shift)), parent, shift)));
  }
  return sink.Sql(fmt::format("CREATE TABLE {} PARTITION OF {} DEFAULT",
                              QualifiedName(table.schema, table.name + "_sonst"), parent));
}

// The migration that added columns nobody has filled yet, identity
// sequences moved past the loaded ids, foreign keys, indexes, comments.
Status PostData(double scale, Sink& sink) {
  for (const std::string& statement : MigrationSql(ClinicTables(), scale)) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  }
  // Long statements are split over adjacent literals on purpose.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  constexpr std::string_view kStatements[] = {
      "ALTER TABLE klinik.faelle ADD CONSTRAINT faelle_pat_fk FOREIGN KEY (pat_nr) "
      "REFERENCES klinik.patienten",
      "ALTER TABLE klinik.labor_proben ADD CONSTRAINT labor_proben_fall_fk FOREIGN KEY (fall_nr) "
      "REFERENCES klinik.faelle",
      "ALTER TABLE klinik.dokumente ADD CONSTRAINT dokumente_fall_fk FOREIGN KEY (fall_nr) "
      "REFERENCES klinik.faelle",
      "ALTER TABLE klinik.dokumente ADD CONSTRAINT dokumente_autor_fk FOREIGN KEY (erstellt_von) "
      "REFERENCES personal.stammdaten",
      "ALTER TABLE personal.dienstplan ADD CONSTRAINT dienstplan_personal_fk FOREIGN KEY "
      "(personalnummer) REFERENCES personal.stammdaten",
      "ALTER TABLE clinica.citas ADD CONSTRAINT citas_paciente_fk FOREIGN KEY (id_paciente) "
      "REFERENCES clinica.pacientes",
      "ALTER TABLE portal.\"userAccounts\" ADD CONSTRAINT \"userAccounts_patientRef_fk\" FOREIGN "
      "KEY (\"patientRef\") REFERENCES klinik.patienten",
      "CREATE INDEX \"userAccounts_emailAddress_idx\" ON portal.\"userAccounts\" "
      "(lower(\"emailAddress\"))",
      "CREATE INDEX patienten_nname_idx ON klinik.patienten (nname, vname)",
      "CREATE INDEX faelle_pat_nr_idx ON klinik.faelle (pat_nr)",
      "CREATE INDEX labor_proben_barcode_idx ON klinik.labor_proben (barcode)",
      "CREATE INDEX hl7_nachrichten_payload_idx ON schnittstelle.hl7_nachrichten USING gin "
      "(payload jsonb_path_ops)",
      "CREATE INDEX \"пациенты_фамилия_idx\" ON \"регистратура\".\"пациенты\" (\"фамилия\")",
      "COMMENT ON COLUMN staging.legacy_import.f1 IS 'pole 1 z eksportu (stary system)'",
      "COMMENT ON COLUMN klinik.patienten.konfession IS 'für die Krankenhausseelsorge'",
      "COMMENT ON TABLE \"人事\".\"職員\" IS '職員マスタ'",
      "ANALYZE",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  for (std::string_view statement : kStatements) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  }
  return Status::Ok();
}

}  // namespace

Status GenerateClinic(const GeneratorOptions& options, Sink& sink) {
  PGVEIL_RETURN_IF_ERROR(CheckScale(options.scale));
  ClinicContext ctx;
  ctx.seed = options.seed;
  ctx.patients = RowCount(ClinicTable("klinik", "patienten"), options.scale);
  ctx.cases = RowCount(ClinicTable("klinik", "faelle"), options.scale);
  ctx.staff = RowCount(ClinicTable("personal", "stammdaten"), options.scale);
  ctx.outpatients = RowCount(ClinicTable("clinica", "pacientes"), options.scale);

  PGVEIL_RETURN_IF_ERROR(sink.Sql("SET client_encoding = 'UTF8'"));
  std::vector<std::string_view> schemas;
  for (const TableSpec& table : ClinicTables()) {
    if (std::find(schemas.begin(), schemas.end(), table.schema) != schemas.end()) {
      continue;
    }
    schemas.push_back(table.schema);
    PGVEIL_RETURN_IF_ERROR(sink.Sql("CREATE SCHEMA " + QuoteIdent(table.schema)));
  }
  for (const TableSpec& table : ClinicTables()) {
    const std::string name = table.schema + "." + table.name;
    const bool partitioned = table.kind == TableKind::kPartitioned;
    PGVEIL_RETURN_IF_ERROR(sink.Sql(CreateTableSql(table, partitioned ? "LIST (schicht)" : ""))
                               .WithContext("creating " + name));
    if (partitioned) {
      PGVEIL_RETURN_IF_ERROR(
          CreateRosterPartitions(table, sink).WithContext("partitioning " + name));
    }
  }
  for (const TableSpec& table : ClinicTables()) {
    PGVEIL_RETURN_IF_ERROR(CopyTable(table, kWriters, ctx, options.scale, sink)
                               .WithContext("loading " + table.schema + "." + table.name));
  }
  return PostData(options.scale, sink).WithContext("post-data");
}

std::vector<TruthEntry> ClinicTruth(const GeneratorOptions& options) {
  (void)options;  // the schema and its truth do not depend on seed or scale
  return TruthOf(ClinicTables());
}

}  // namespace pgveil::datagen
