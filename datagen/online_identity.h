// datagen/online_identity.h
//
// A person's e-mail addresses, usernames and personal URLs, derived from
// their name the way people really build them: anna.mueller@, a.muller@,
// annamueller84@, anna_mueller@, anna+shop@ (plus-addressing),
// Anna.Mueller@ (mixed case), kim.minjun@ (romanised), or a handle with no
// name at all (bluefox77@).
//
// Every domain is reserved for documentation (RFC 2606/6761): subdomains of
// example.com/.net/.org, or the .example and .test top-level domains, with
// the locale's provider names as labels ("gmx.example.net",
// "naver.example.com"), so no generated address can belong to anyone.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>

#include "datagen/person.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

// A private address of `person`.
void AppendEmail(Rng& rng, const Person& person, std::string* out);

// A work address: "s.martin@nordwind-logistik.example". An empty `domain`
// picks one of a few fictitious companies.
void AppendWorkEmail(Rng& rng, const Person& person, std::string_view domain, std::string* out);

// A login name: "segolene_m", "amueller84", "kim.minjun", "rose.olive".
void AppendUsername(Rng& rng, const Person& person, std::string* out);

// A URL that names the person: a social profile, a personal page, an
// avatar image ("https://social.example.com/u/anna.mueller").
void AppendPersonalUrl(Rng& rng, const Person& person, std::string* out);

// Appends the ASCII name token ("anna", "mueller") used in the forms above.
void AppendNameToken(std::string_view latin, const Person& person, bool german_style,
                     std::string* out);

}  // namespace pgveil::datagen
