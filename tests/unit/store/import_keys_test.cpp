// What a large import keeps in memory: the members it added, and the hash
// index of their keys, which never takes a hash collision for a match.
#include "../../../src/store/import_keys.h"

#include <catch2/catch.hpp>
#include <string>

using roster::AddedMembers;
using roster::KeyIndex;

TEST_CASE("added members are found by id whether their ids came in order or not", "[import][store]") {
  AddedMembers added;
  for (int64_t id = 1; id <= 5000; ++id) added.add(id * 2, static_cast<size_t>(id + 1), id % 2 == 0);
  for (int64_t id = 20000; id > 10000; --id) added.add(id * 2 + 1, 7, false);  // out of order: merged in batches
  CHECK(added.size() == 15000);
  CHECK(added.find(2)->line == 2);
  CHECK_FALSE(added.find(2)->id_from_file);
  CHECK(added.find(10000)->line == 5001);
  CHECK(added.find(10000)->id_from_file);
  CHECK(added.find(20003)->line == 7);  // the last added: still in the unmerged batch
  CHECK_FALSE(added.find(20001));
  CHECK(added.find(40001)->line == 7);
  CHECK_FALSE(added.find(3));
  CHECK_FALSE(added.find(40003));
}

TEST_CASE("the key index grows, and a candidate whose key differs is no match", "[import][store]") {
  KeyIndex index(4);
  for (int64_t id = 1; id <= 10000; ++id) index.add("key" + std::to_string(id), id);
  auto exact = [](const std::string& key) { return [key](int64_t id) { return "key" + std::to_string(id) == key; }; };
  CHECK(index.find("key1", exact("key1")) == 1);
  CHECK(index.find("key9999", exact("key9999")) == 9999);
  CHECK_FALSE(index.find("key10001", exact("key10001")));
  // The same hash, a different key (as a collision would be): the caller says no.
  CHECK_FALSE(index.find("key42", [](int64_t) { return false; }));
  // Two members under one key's hash: the one whose key matches is found.
  index.add("key42", 777777);
  CHECK(index.find("key42", [](int64_t id) { return id == 777777; }) == 777777);
}
