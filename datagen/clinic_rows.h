// datagen/clinic_rows.h
//
// The clinic's row writers, one per table. Every writer streams RowCount()
// rows of its table into a CopyWriter whose columns are
// TableSpec::CopyColumns(), in that order; row i draws from
// Rng::ForRow(seed, <table stream>, i) and nothing else, so memory stays at
// one COPY buffer at any scale. Unlike the shop, no fact is shared between
// tables: foreign keys only point at rows that exist.
//
// Thread-safety: pure functions apart from the writer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "datagen/copy_writer.h"
#include "datagen/person.h"

namespace pgveil::datagen {

// Row counts the writers need for foreign keys.
struct ClinicContext {
  uint64_t seed = 1;
  int64_t patients = 0;     // klinik.patienten
  int64_t cases = 0;        // klinik.faelle
  int64_t staff = 0;        // personal.stammdaten
  int64_t outpatients = 0;  // clinica.pacientes
};

// Stream ids, one per table, disjoint from the shop's. Changing one
// changes the generated data for every seed.
enum ClinicStream : uint64_t {
  kPatientenRows = 101,
  kFaelleRows,
  kLaborRows,
  kIcdRows,
  kArzneiRows,
  kDokumenteRows,
  kStammdatenRows,
  kDienstplanRows,
  kGeraeteRows,
  kKonfigRows,
  kSalariesRows,
  kPacientesRows,
  kCitasRows,
  kConsultasRows,
  kHastaRows,
  kShokuinRows,
  kPacientyRows,
  kPortalRows,
  kHl7Rows,
  kLegacyRows,
  kBuildingSites,  // betrieb.konfiguration: one position per site
  kDoctorPool,     // clinica.citas: the outpatient clinic's doctors
};

// personal.stammdaten's key: personnel numbers are not row numbers.
inline int64_t Personalnummer(int64_t row) { return 100000 + row * 7; }

// A person from `locale` with Latin-script names: how a German, French or
// Spanish system stores a patient born in Russia or Japan.
Person LatinPerson(Rng& rng, const Locale& locale);

Status WritePatienten(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteFaelle(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteLaborProben(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteIcdKatalog(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteArzneimittel(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteDokumente(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteStammdaten(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteDienstplan(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteGeraete(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteKonfiguration(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteSalaries(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WritePacientes(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteCitas(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteConsultas(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteHastaKabul(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteShokuin(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WritePacienty(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WritePortalUsers(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteHl7Messages(const ClinicContext& ctx, int64_t rows, CopyWriter& out);
Status WriteLegacyImport(const ClinicContext& ctx, int64_t rows, CopyWriter& out);

}  // namespace pgveil::datagen
