// IT slim-rules-txt: slimming from conf/ark/rules.txt (one key=value a line, the key repeated for more values)
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'commons-io:commons-io:jar', 'commons-logging:commons-logging:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
