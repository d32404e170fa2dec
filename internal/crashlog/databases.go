package crashlog

// The official database images' entrypoints and servers.
//
// postgres (docker-library/postgres docker-entrypoint.sh): "Error:
// Database is uninitialized and superuser password is not specified." …
// "You must specify POSTGRES_PASSWORD to a non-empty value"; initdb
// (src/bin/initdb/initdb.c): "initdb: error: directory "%s" exists but is
// not empty" and, for a volume's root, "It contains a lost+found
// directory, perhaps due to it being a mount point."; the postmaster
// (src/backend/utils/init/miscinit.c): "data directory "%s" has wrong
// ownership", "data directory "%s" has invalid permissions".
//
// mysql and mariadb (docker-library entrypoints): "Database is
// uninitialized and password option is not specified" followed by the
// variables to set (MYSQL_ROOT_PASSWORD…, MARIADB_ROOT_PASSWORD…);
// mysqld: "--initialize specified but the data directory has files in
// it. Aborting." (ER_DATA_DIRECTORY_UNUSABLE / MY-010457).
//
// redis (src/server.c, src/rdb.c, src/aof.c): "Can't open the log file:
// Permission denied", "Fatal error loading the DB: Permission denied.",
// "Can't open the append-only file: Permission denied".
//
// mongod (src/mongo/db/mongod_main.cpp, storage_engine_lock_file):
// "Data directory /data/db not found", "Attempted to create a lock file
// on a read-only directory: /data/db", in 4.4+ inside JSON log lines.
var databases = []Signature{
	sig("postgres.password", MissingEnv, `Database is uninitialized and superuser password is not specified\.(?:[^\n]*\n){0,3}?[^\n]*You must specify (?P<env>POSTGRES_PASSWORD)`),
	sig("postgres.lostfound", DataDir, `initdb(?:: error)?: directory "(?P<path>[^"]+)" exists but is not empty\n(?:initdb: detail: )?It contains a lost\+found directory`),
	sig("postgres.notempty", DataDir, `initdb(?:: error)?: directory "(?P<path>[^"]+)" exists but is not empty`),
	sig("postgres.ownership", DataDir, `data directory "(?P<path>[^"]+)" has (?:wrong ownership|invalid permissions)`),
	sig("postgres.chmod", DataDir, `(?:initdb: (?:error: )?could not change permissions of directory "(?P<path>[^"]+)"|chmod: changing permissions of '(?P<path2>[^']+)'): Operation not permitted`),
	sig("mysql.password", MissingEnv, `Database is uninitialized and password option is not specified(?:\s*\n[^\n]*You need to specify one of(?: the following(?: as an environment variable)?:)?\s*(?:- )?(?P<env>(?:MYSQL|MARIADB)_ROOT_PASSWORD))?`),
	sig("mysql.datadir", DataDir, `--initialize specified but the data directory has files in it`),
	sig("redis.perm", Permission, `(?:Can't open the (?:log|append-only) file|Fatal error loading the DB|Failed opening the (?:RDB|temp RDB) file[^:\n]*)[^\n]*?: Permission denied`),
	sig("mongo.nodir", DataDir, `Data directory (?P<path>/\S+?) not found`),
	sig("mongo.rodir", ReadOnlyFS, `Attempted to create a lock file on a read-only directory: (?P<path>/[^\s,]+)`),
}
