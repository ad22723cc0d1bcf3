// IT slim-bad-rules-key: an unknown key in conf/ark/rules.txt fails the build and names the file, line and key
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack failed (exit 4): conf/ark/rules.txt line 2: unknown key `excludeGroupID` (no spaces around `=`)')
return true
