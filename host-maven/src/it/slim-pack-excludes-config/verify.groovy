// IT slim-pack-excludes-config: <packExcludesConfig> names conf/ark/module-rules.txt; conf/ark/rules.txt is then not read
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-a:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
